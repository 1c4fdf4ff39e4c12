import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/errors';
import type { CommandName } from '../../../shared/protocol';
import type { CommandRegistry } from '../commands/registry';
import { readControlState } from '../control/state';
import { readPrompterState } from '../prompter';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import { getQuestion } from '../store/questions';
import type { AccessPolicy, Identity } from './access';

export const CONTROL_PATH = '/api/control';

/** Query parameters and JSON body fields together: a panel sends whichever it finds easier. */
type Params = Record<string, unknown>;

/** A number written in a query string; anything else is left for the command's schema to refuse. */
function num(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
}

function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

export interface ControlDeps {
  db: Db;
  registry: CommandRegistry;
  now: () => number;
}

interface ControlAction {
  command: CommandName;
  payload: (params: Params, db: Db) => unknown;
}

/**
 * Put on air without knowing versions (a panel cannot): the question named by `id`, else the one
 * "take next" would take, at the version it has now — the press of the button is the decision.
 */
function putOnAirPayload(params: Params, db: Db): unknown {
  const id = params.id === undefined ? readPrompterState(db).next?.id : num(params.id);
  if (id === undefined) throw new AppError('not_found', { messageKey: 'control.error.nothingQueued' });
  const version = params.version ?? (typeof id === 'number' ? getQuestion(db, id)?.version : undefined);
  if (version === undefined) throw new AppError('not_found', { field: 'id' });
  return { id, version: num(version), confirm: flag(params.confirm) };
}

/** Every button a panel has, by the path segment after `/api/control/`: each runs one registry command. */
export const CONTROL_ACTIONS = {
  'take-next': {
    command: 'show.next',
    payload: (p) => ({
      confirm: flag(p.confirm),
      ...(p.outcome === undefined ? {} : { outcome: typeof p.outcome === 'string' ? { kind: p.outcome } : p.outcome }),
    }),
  },
  'put-on-air': { command: 'question.putOnAir', payload: putOnAirPayload },
  undo: { command: 'show.undo', payload: () => ({}) },
  'show-graphics': { command: 'graphics.take', payload: (p) => (p.id === undefined ? {} : { id: num(p.id) }) },
  'clear-graphics': { command: 'graphics.clear', payload: () => ({}) },
  cue: {
    command: 'prompter.cue',
    payload: (p) => ({ cue: p.text === undefined ? { kind: 'preset', preset: p.preset } : { kind: 'text', text: p.text } }),
  },
  'clear-cue': { command: 'prompter.cue', payload: () => ({ cue: null }) },
  'countdown-start': { command: 'prompter.countdown', payload: (p) => ({ seconds: num(p.seconds ?? '60') }) },
  'countdown-stop': { command: 'prompter.countdown', payload: () => ({ seconds: null }) },
  scroll: { command: 'prompter.scroll', payload: (p) => ({ action: p.action }) },
} as const satisfies Record<string, ControlAction>;
export type ControlActionName = keyof typeof CONTROL_ACTIONS;

function isControlAction(name: string): name is ControlActionName {
  return Object.hasOwn(CONTROL_ACTIONS, name);
}

/** The device's id when a paired device sent it (`device:<id>`), so its trail lists under it. */
function auditSubject(who: Identity): { entity: string; entityId: number } {
  const match = /^device:(\d+)$/.exec(who.token ?? '');
  return match ? { entity: 'device', entityId: Number(match[1]) } : { entity: 'control', entityId: 0 };
}

/**
 * `POST /api/control/<action>` and `GET /api/control/state` for button panels (Bitfocus
 * Companion's generic HTTP module, anything that sends HTTP). A token of the right role in
 * `x-desk-token` (or `?token=`): the registry checks the role exactly as for a screen. Every
 * action a known device asks for is audited under it, refused ones with the reason.
 */
export function registerControlRoutes(app: FastifyInstance, deps: ControlDeps, access: AccessPolicy): void {
  const identify = (request: FastifyRequest): Identity => {
    const who = access.identifyToken(request);
    if (!who) throw new AppError('forbidden', { messageKey: 'control.error.token' });
    return who;
  };

  app.get(`${CONTROL_PATH}/state`, async (request) => {
    identify(request);
    return { ok: true, value: readControlState(deps.db) };
  });

  app.post<{ Params: { action: string }; Querystring: Params }>(`${CONTROL_PATH}/:action`, async (request) => {
    const who = identify(request);
    const { action } = request.params;
    if (!isControlAction(action)) throw new AppError('not_found', { messageKey: 'control.error.unknown', vars: { action } });
    const { token: _token, ...query } = request.query;
    const body = request.body;
    const params: Params = { ...query, ...(typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) };
    const { command, payload } = CONTROL_ACTIONS[action] as ControlAction;
    const audit = (result: string, sent?: unknown): void =>
      insertAudit(deps.db, {
        at: deps.now(),
        actor: who.actor,
        action: `control.${action}`,
        ...auditSubject(who),
        after: { command, result, ...(sent === undefined ? {} : { payload: sent }) },
      });
    let sent: unknown;
    try {
      sent = payload(params, deps.db);
      await deps.registry.run(command, sent, { role: who.role, actor: who.actor, connection: 0 });
    } catch (error) {
      audit(error instanceof AppError ? error.code : 'internal', sent);
      throw error;
    }
    audit('done', sent);
    return { ok: true, value: readControlState(deps.db) };
  });
}
