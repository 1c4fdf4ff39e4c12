import type { Migration } from '.';

export const m0270GroupActiveMember: Migration = {
  version: 270,
  name: 'group-active-member',
  up(db) {
    db.exec(`
      -- The member of a group the show has taken up, looked up for every arrival that joins the
      -- group (a late asker joins it): without this, every member of a storm's big group was read.
      CREATE INDEX question_group_active ON question (group_id, id) WHERE status IN ('approved', 'queued', 'on_air');
    `);
  },
};
