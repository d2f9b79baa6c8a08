// The store's schema, one migration per version. SQLite's user_version records how many have
// run; start-up applies the rest in order, each in its own transaction. Never edit one that has
// shipped: add the next. A user_version of 0 is what marks a file as not (yet) a Barents store.

export const MIGRATIONS: readonly string[] = [
  // 1: subscriptions, the post log keyed by channel and local date, and who changed what.
  `
  CREATE TABLE subscriptions (
    platform  TEXT NOT NULL,
    channel   TEXT NOT NULL,
    time      TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    origin    TEXT NOT NULL CHECK (origin IN ('command', 'config')),
    by_user   TEXT,
    since     TEXT NOT NULL,
    failures  INTEGER NOT NULL DEFAULT 0,
    paused    TEXT,
    PRIMARY KEY (platform, channel)
  );
  CREATE TABLE posts (
    platform   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    local_date TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'skipped')),
    at         TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    detail     TEXT,
    PRIMARY KEY (platform, channel, local_date)
  );
  CREATE TABLE channel_changes (
    id       INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    channel  TEXT NOT NULL,
    action   TEXT NOT NULL,
    by_user  TEXT NOT NULL,
    at       TEXT NOT NULL,
    detail   TEXT
  );
  CREATE INDEX channel_changes_by_channel ON channel_changes (platform, channel);
  `,
  // 2: "unknown", for claims whose process died before it could settle them. SQLite cannot
  // change a CHECK in place, so the table is rebuilt with the same columns in the same order.
  `
  CREATE TABLE posts_v2 (
    platform   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    local_date TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'skipped', 'unknown')),
    at         TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    detail     TEXT,
    PRIMARY KEY (platform, channel, local_date)
  );
  INSERT INTO posts_v2 SELECT platform, channel, local_date, status, at, attempts, detail FROM posts;
  DROP TABLE posts;
  ALTER TABLE posts_v2 RENAME TO posts;
  `,
  // 3: who claimed a post (one scheduler's attempt at it), so an attempt whose claim succeeded
  // but whose answer was lost can ask again and be told the claim is its own.
  `
  ALTER TABLE posts ADD COLUMN claimed_by TEXT;
  `,
  // 4: the claims still being sent, found without reading the whole post log (a row per channel
  // per day): every scheduler renews its own each minute, and start-up looks for orphans. As
  // PostgreSQL's posts_sending.
  `
  CREATE INDEX posts_sending ON posts (at) WHERE status = 'sending';
  `,
  // 5: the local date of the last failure counted, so a count retried after a lost answer is
  // not counted twice. As PostgreSQL's migration 3.
  `
  ALTER TABLE subscriptions ADD COLUMN failed_on TEXT;
  `,
];
