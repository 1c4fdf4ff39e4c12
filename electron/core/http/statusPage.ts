import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../../shared/domain';
import { isLanguage, pickLanguage } from '../../../shared/i18n';
import { translate } from '../messages';
import { publicStatus, type PublicStatus } from '../status/publicStatus';
import type { Db } from '../store/db';

export interface StatusPageDeps {
  db: Db;
  now: () => number;
  /** Look-ups per IP per minute: the public form's limit, so references cannot be walked quickly. */
  perIpPerMinute: number;
}

/** A reference is short ("2026-0042", "2026-0042/mobility"); anything longer is not one. */
const MAX_REFERENCE = 80;

// A page of its own, no script: nothing to allow beyond its inline style and its look-up form.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b2733; }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
  dt { color: #55606b; } dd { margin: 0; white-space: pre-wrap; }
  .late { color: #a4161a; font-weight: 600; } .hint { color: #55606b; font-size: .9rem; }
  form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-top: 1.5rem; }
  label { display: flex; flex-direction: column; } input, button { font: inherit; padding: .4rem .6rem; }
`;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function languageOf(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: unknown }).lang;
  return isLanguage(asked) ? asked : pickLanguage(request.headers['accept-language']);
}

function page(lang: Language, title: string, body: string, reference = ''): string {
  const t = (key: string) => escapeHtml(translate(lang, key));
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Akimat LIVE</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
<form action="/status" method="get" data-testid="status-lookup">
<label>${t('statusPage.lookupLabel')}<input name="reference" value="${escapeHtml(reference)}" maxlength="${MAX_REFERENCE}" required autocomplete="off"></label>
<input type="hidden" name="lang" value="${lang}"><button type="submit">${t('statusPage.lookupButton')}</button>
</form>
</main></body></html>`;
}

function statusBody(lang: Language, s: PublicStatus): string {
  const t = (key: string, vars?: Record<string, unknown>) => escapeHtml(translate(lang, key, vars));
  const rows: Array<[string, string, string?]> = [
    [t('statusPage.reference'), escapeHtml(s.reference), 'status-reference'],
    [t('statusPage.stageLabel'), t(`statusPage.stage.${s.stage}`), 'status-stage'],
  ];
  if (s.onAir) {
    rows.push([t('statusPage.stage.answered_on_air'), t('statusPage.onAir', { date: s.onAir.date })]);
    if (s.onAir.summary.trim()) rows.push([t('statusPage.summary'), escapeHtml(s.onAir.summary), 'status-summary']);
  }
  if (s.handoff) {
    rows.push([t('statusPage.department'), escapeHtml(s.handoff.department), 'status-department']);
    rows.push([t('statusPage.handoffReference'), escapeHtml(s.handoff.reference)]);
    const late = s.handoff.overdue ? ` <span class="late">${t('statusPage.overdue')}</span>` : '';
    rows.push([t('statusPage.dueDate'), `${escapeHtml(s.handoff.dueDate)}${late}`, 'status-due']);
    if (s.handoff.answer.trim()) rows.push([t('statusPage.answer'), escapeHtml(s.handoff.answer), 'status-answer']);
  }
  const list = rows.map(([dt, dd, id]) => `<dt>${dt}</dt><dd${id ? ` data-testid="${id}"` : ''}>${dd}</dd>`).join('\n');
  return `<dl>\n${list}\n</dl>\n<p class="hint">${t('statusPage.privacy')}</p>`;
}

function sendPage(reply: FastifyReply, code: number, html: string): FastifyReply {
  return reply
    .code(code)
    .type('text/html; charset=utf-8')
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cache-Control', 'no-store')
    .send(html);
}

/**
 * `GET /status/<reference>`: where a question stands, for the citizen who holds its reference (the
 * question's or its hand-off's) — status, department, due date, answer; never a name, contact or
 * the question's text. Unknown references get a plain 404 page; look-ups are limited per IP.
 * `GET /status?reference=` is the look-up form's target. Served on the public listener too.
 */
export function registerStatusPage(app: FastifyInstance, deps: StatusPageDeps): void {
  void app.register(async (scope) => {
    scope.setErrorHandler((error: { statusCode?: number }, request, reply) => {
      if (error.statusCode !== 429) throw error;
      const lang = languageOf(request);
      void sendPage(reply.header('Retry-After', '60'), 429, page(lang, translate(lang, 'statusPage.title'), `<p role="alert">${escapeHtml(translate(lang, 'statusPage.rateLimited'))}</p>`));
    });
    const limit = { config: { rateLimit: { max: deps.perIpPerMinute, timeWindow: '1 minute' } } };

    scope.get<{ Querystring: { reference?: string; lang?: string } }>('/status', limit, (request, reply) => {
      const reference = String(request.query.reference ?? '').trim().slice(0, MAX_REFERENCE);
      const lang = languageOf(request);
      if (!reference) return sendPage(reply, 200, page(lang, translate(lang, 'statusPage.title'), ''));
      return reply.redirect(`/status/${encodeURIComponent(reference)}?lang=${lang}`, 303);
    });

    scope.get<{ Params: { '*': string } }>('/status/*', limit, (request, reply) => {
      const lang = languageOf(request);
      const reference = request.params['*'].trim().slice(0, MAX_REFERENCE + 1);
      const status = reference && reference.length <= MAX_REFERENCE ? publicStatus(deps.db, reference, deps.now(), lang) : null;
      if (!status) {
        const shown = reference.slice(0, MAX_REFERENCE);
        const body = `<p role="alert" data-testid="status-not-found">${escapeHtml(translate(lang, 'statusPage.notFound', { reference: shown }))}</p>`;
        return sendPage(reply, 404, page(lang, translate(lang, 'statusPage.notFoundTitle'), body, shown));
      }
      return sendPage(reply, 200, page(lang, translate(lang, 'statusPage.title'), statusBody(lang, status), status.reference));
    });
  });
}
