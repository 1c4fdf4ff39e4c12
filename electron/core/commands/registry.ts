import { AppError } from '../../../shared/errors';
import {
  commands,
  isCommandName,
  mayRun,
  type CommandInput,
  type CommandName,
  type CommandReply,
  type Role,
} from '../../../shared/protocol';

/** Who is asking: the same for a socket, an HTTP door or a test. */
export interface CommandContext {
  role: Role;
  /** Who to name in the audit trail: the paired device or the desk's own operator, never a client's claim. */
  actor: string;
  /** The socket (or request) this came from, for state that must go when it closes; 0 outside the hub. */
  connection: number;
}

export type Handler<K extends CommandName> = (
  input: CommandInput<K>,
  ctx: CommandContext,
) => CommandReply<K> | Promise<CommandReply<K>>;

/**
 * Every command's handler, apart from any transport. `run()` is the one way in: it refuses an
 * unknown name, a role the protocol does not list for the command and a payload that fails the
 * command's schema, in that order, before the handler sees anything.
 */
export class CommandRegistry {
  private readonly handlers = new Map<CommandName, Handler<CommandName>>();

  /** `mapError` turns a handler's failure into the error to answer with (a full disk into a 503), or null to keep it. */
  constructor(private readonly mapError: (error: unknown) => Error | null = () => null) {}

  register<K extends CommandName>(name: K, handler: Handler<K>): void {
    if (this.handlers.has(name)) throw new Error(`Handler for ${name} registered twice`);
    this.handlers.set(name, handler as unknown as Handler<CommandName>);
  }

  /** Commands declared in the protocol with no handler: a desk with any is incomplete. */
  missing(): CommandName[] {
    return (Object.keys(commands) as CommandName[]).filter((name) => !this.handlers.has(name));
  }

  async run(name: string, payload: unknown, ctx: CommandContext): Promise<unknown> {
    if (!isCommandName(name)) throw new AppError('unknown_command');
    if (!mayRun(ctx.role, name)) throw new AppError('forbidden');
    const handler = this.handlers.get(name);
    if (!handler) throw new AppError('unknown_command');
    const input = commands[name].request.safeParse(payload ?? {});
    if (!input.success) {
      const field = input.error.issues[0]?.path.join('.');
      throw new AppError('validation', field ? { field } : {});
    }
    try {
      return await handler(input.data as CommandInput<CommandName>, ctx);
    } catch (error) {
      throw this.mapError(error) ?? error;
    }
  }
}
