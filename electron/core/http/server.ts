import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { pickLanguage, isLanguage } from '../../../shared/i18n';
import { HANDOFF_SHEET_PATH, parseCursor, PRODUCERS, ROLES, type LinkRole, type Role } from '../../../shared/protocol';
import { HOME_ROUTE, linkRoute, UI_PATHS } from '../../../shared/routes';
import type { Channels } from '../channels';
import type { HandoffDeps } from '../handoffs/lifecycle';
import type { Hub } from '../hub/hub';
import type { Intake } from '../intake/accept';
import type { Reports } from '../reports';
import { errorShape } from '../messages';
import { DESK_ACTOR, type AccessPolicy, type Identity } from './access';
import { parseJsonBody } from './body';
import { registerChannelRoutes } from './channelRoutes';
import { registerControlRoutes, type ControlDeps } from './controlRoutes';
import { registerHandoffSheetRoutes } from './handoffSheetRoutes';
import { httpStatus, toAppError } from './errors';
import { registerLogin, registerPairing } from './login';
import { registerFormInfo, type FormInfoDeps } from '../channels/web/formInfo';
import { registerPublicForm } from '../channels/web/route';
import { registerStatusPage, type StatusPageDeps } from './statusPage';
import { registerReportRoutes } from './reportRoutes';

/** Public bodies are questions, not uploads: 64 KiB is 16× the longest allowed question. */
export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * Scripts only from our own origin, no framing, no plugins. Styles allow inline attributes
 * because the teleprompter sets sizes and mirroring from producer settings.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Staff-only HTTP endpoints and who may call them (everything else under /api is public intake or health). */
export const STAFF_API: Readonly<Record<string, readonly Role[]>> = {
  '/api/intake/csv': PRODUCERS,
  [HANDOFF_SHEET_PATH]: PRODUCERS,
};

export interface HttpDeps {
  access: AccessPolicy;
  /** Trades a one-time pairing code for a device token (`/pair`). */
  redeemPairing: (code: string) => { token: string; role: LinkRole } | null;
  hub: Hub;
  intake: Intake;
  staticDir?: string | undefined;
  intakePerIpPerMinute: number;
  /** Intake doors beyond the form: WhatsApp, the generic webhook, CSV import. */
  channels?: Channels;
  /** The press report and its exports (`/api/reports`). */
  reports?: Reports;
  /** Departments' sheets of open hand-offs and their answers (`/api/handoffs/sheet`). */
  handoffs?: HandoffDeps;
  /** What the public form shows around itself (`/api/ask/info`), on both listeners. */
  formInfo?: FormInfoDeps;
  /** The public status page (`/status/<reference>`), on both listeners. */
  status?: Omit<StatusPageDeps, 'perIpPerMinute'>;
  /** Button panels' door (`/api/control`), running the same registry as the screens. */
  control?: ControlDeps;
  log: (message: string, error?: unknown) => void;
  /**
   * `public`: the listener a reverse proxy exposes to the internet — the form, its page and the
   * channel webhooks, nothing of the staff's (no socket, sign-in, reports or CSV import).
   */
  surface?: 'desk' | 'public';
  /** Proxies (addresses or CIDR ranges) whose `X-Forwarded-For` names the real client; nobody else's is believed. */
  trustedProxies?: readonly string[];
  /** Told of every failure, so a full or read-only disk becomes a 503 and the producers' banner. */
  storage?: { report(error: unknown): AppError | null };
}

export function requestLanguage(request: FastifyRequest): Language {
  const body = request.body as { language?: unknown } | undefined;
  if (body && isLanguage(body.language)) return body.language;
  return pickLanguage(request.headers['accept-language']);
}

export async function createHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const trusted = deps.trustedProxies ?? [];
  const app = Fastify({ bodyLimit: JSON_BODY_LIMIT, logger: false, trustProxy: trusted.length > 0 ? [...trusted] : false });
  const staff = deps.surface !== 'public';

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = deps.storage?.report(error) ?? toAppError(error);
    if (appError.code === 'internal' || appError.retryable) deps.log(`${request.method} ${request.url} failed`, error);
    if (appError.retryable) void reply.header('Retry-After', '1');
    void reply
      .code(httpStatus(appError.code))
      .send({ ok: false, error: errorShape(appError, requestLanguage(request)) });
  });

  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send({ ok: false, error: errorShape(new AppError('not_found', { detail: request.url }), requestLanguage(request)) });
  });

  app.addHook('onRequest', async (request) => {
    const roles = STAFF_API[request.routeOptions.url ?? ''];
    const who = roles ? deps.access.identify(request, 'producer') : null;
    if (roles && !(who && roles.includes(who.role))) throw new AppError('forbidden');
  });

  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });

  app.get('/api/health', () => ({ ok: true, clients: deps.hub.clientCount }));
  registerPublicForm(app, deps.intake, deps.intakePerIpPerMinute);
  if (deps.formInfo) registerFormInfo(app, deps.formInfo, deps.intakePerIpPerMinute);
  if (deps.status) registerStatusPage(app, { ...deps.status, perIpPerMinute: deps.intakePerIpPerMinute });
  if (deps.channels) registerChannelRoutes(app, deps.channels, staff);
  if (!staff) {
    registerUi(app, deps.staticDir, [linkRoute('public').path]);
    return app;
  }
  if (deps.reports) registerReportRoutes(app, deps.reports, deps.access);
  if (deps.handoffs) registerHandoffSheetRoutes(app, deps.handoffs, deps.access);
  if (deps.control) registerControlRoutes(app, deps.control, deps.access);

  registerLogin(app, deps.access);
  registerPairing(app, deps.access, deps.redeemPairing);
  const socketIdentities = new WeakMap<FastifyRequest, Identity>();
  app.get<{ Querystring: { role?: string; lang?: string; token?: string; resume?: string; name?: string } }>(
    '/ws',
    {
      websocket: true,
      // Refused before the upgrade: a LAN client without a valid token never gets a socket.
      preValidation: async (request, reply) => {
        const requested: Role = (ROLES as readonly string[]).includes(request.query.role ?? '')
          ? (request.query.role as Role)
          : 'producer';
        const who = deps.access.identify(request, requested);
        if (!who) {
          await reply.code(401).send({ ok: false, error: errorShape(new AppError('forbidden'), requestLanguage(request)) });
          return;
        }
        socketIdentities.set(request, who);
      },
    },
    (socket, request) => {
      const who = socketIdentities.get(request);
      if (!who) return socket.close(1008, 'not identified');
      const lang = isLanguage(request.query.lang) ? request.query.lang : pickLanguage(request.headers['accept-language']);
      const resume = parseCursor(request.query.resume);
      deps.hub.attach(socket, { role: who.role, lang, actor: auditActor(who, request.query.name), token: who.token, resume });
    },
  );

  registerUi(app, deps.staticDir, UI_PATHS);
  return app;
}

/**
 * Who the audit names: whom the credential belongs to. A LAN device's claim (`?name=`) counts for
 * nothing; the desk's own windows hold the run's secret, so the name the producer at the desk
 * typed there says which person the desk is.
 */
function auditActor(who: Identity, claimed: string | undefined): string {
  const name = claimed?.trim().slice(0, 80);
  return who.token === null && who.actor === DESK_ACTOR && name ? name : who.actor;
}

/** The screens at `paths`; `/` opens the first of them. */
function registerUi(app: FastifyInstance, staticDir: string | undefined, paths: readonly string[]): void {
  const built = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));
  app.get('/', (_req, reply) => reply.redirect(paths[0] ?? HOME_ROUTE.path));
  if (!built) {
    for (const route of paths) {
      app.get(route, (_req, reply) =>
        reply.code(503).type('text/plain; charset=utf-8').send('The UI is not built yet: run `npm run build`.'),
      );
    }
    return;
  }
  // A folder (`/assets/`) is not a file: a plain 404, not send's redirect-or-403.
  void app.register(fastifyStatic, { root: staticDir, index: false, wildcard: true, allowedPath: (path) => !path.endsWith('/') });
  for (const route of paths) {
    app.get(route, (_req, reply) =>
      reply
        .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Referrer-Policy', 'no-referrer')
        .header('Cache-Control', 'no-cache')
        .sendFile('index.html'),
    );
  }
}
