import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../../shared/errors';
import { publicQuestionSchema, type PublicQuestionAccepted } from '../../../../shared/forms';
import type { Intake } from '../../intake/accept';

/** Zod issue messages are i18n keys (`error.empty_text`); the first one decides the code. */
function validationError(issues: ReadonlyArray<{ message: string; path: PropertyKey[] }>): AppError {
  const first = issues[0];
  const field = first?.path.map(String).join('.') ?? '';
  const code = first?.message.startsWith('error.') ? first.message.slice('error.'.length) : 'validation';
  switch (code) {
    case 'empty_text':
    case 'text_too_long':
    case 'name_required':
      return new AppError(code, { field });
    default:
      return new AppError('validation', { field });
  }
}

/** POST /api/questions — the public web form's endpoint. Answers only after the commit. */
export function registerPublicForm(app: FastifyInstance, intake: Intake, perIpPerMinute: number): void {
  app.post<{ Body: unknown }>(
    '/api/questions',
    { config: { rateLimit: { max: perIpPerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = publicQuestionSchema.safeParse(request.body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const form = parsed.data;
      // The hidden trap field is not named in the answer: a bot must not learn what gave it away.
      if (form.website) throw new AppError('validation');
      if (form.phone && !form.consent) throw new AppError('validation', { field: 'consent', messageKey: 'ask.consentRequired' });
      const { reference, created } = await intake.accept({
        channel: 'web',
        externalId: form.submissionId ?? randomUUID(),
        senderName: form.name,
        senderContact: form.phone || null,
        senderUserId: request.ip,
        district: form.district ?? null,
        topic: form.topic || null,
        language: form.language ?? null,
        text: form.text,
        meta: { userAgent: request.headers['user-agent'] ?? null },
      });
      const value: PublicQuestionAccepted = { reference };
      return reply.code(created ? 201 : 200).send({ ok: true, value });
    },
  );
}
