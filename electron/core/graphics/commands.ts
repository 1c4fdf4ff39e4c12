import { AppError } from '../../../shared/errors';
import type { CommandRegistry } from '../commands/registry';
import type { StateDeps } from '../questionState';
import { insertAudit } from '../store/audit';
import { getGraphicsQuestion, saveGraphicsStyle, setGraphicsQuestion } from '../store/graphics';
import { listByStatus } from '../store/questions';
import { GraphicsProjection } from './projection';

/**
 * Take to graphics / clear graphics, apart from "on air": a question can be read without being
 * shown. Each change is audited under whoever made it (a producer's screen or a button panel).
 */
export function registerGraphicsCommands(registry: CommandRegistry, deps: StateDeps): GraphicsProjection {
  const { db } = deps;
  const projection = new GraphicsProjection(deps);

  registry.register('graphics.get', () => projection.current);

  registry.register('graphics.take', ({ id }, ctx) => {
    db.transaction(() => {
      const onAir = listByStatus(db, 'on_air', 1)[0];
      if (!onAir) throw new AppError('invalid_transition', { messageKey: 'graphics.error.nothingOnAir' });
      if (id !== undefined && id !== onAir.id) {
        throw new AppError('invalid_transition', { messageKey: 'graphics.error.notOnAir', current: projection.current });
      }
      const at = deps.now();
      setGraphicsQuestion(db, onAir.id, at);
      insertAudit(db, { at, actor: ctx.actor, action: 'graphics.take', entity: 'question', entityId: onAir.id });
    })();
    return projection.refresh();
  });

  registry.register('graphics.clear', (_input, ctx) => {
    db.transaction(() => {
      const at = deps.now();
      const shown = getGraphicsQuestion(db);
      setGraphicsQuestion(db, null, at);
      if (shown !== null) insertAudit(db, { at, actor: ctx.actor, action: 'graphics.clear', entity: 'question', entityId: shown });
    })();
    return projection.refresh();
  });

  registry.register('graphics.setStyle', ({ style }, ctx) => {
    db.transaction(() => {
      const at = deps.now();
      saveGraphicsStyle(db, style, at);
      // The trail keeps whether there is a logo, not the image itself.
      const { logo, ...rest } = style;
      insertAudit(db, { at, actor: ctx.actor, action: 'graphics.style', entity: 'graphics', entityId: 1, after: { ...rest, logo: logo !== null } });
    })();
    return projection.refresh();
  });

  return projection;
}
