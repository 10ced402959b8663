-- The session cache (security/session-cache.ts) keeps who a session belongs to in each server process for a short
-- while. Every change that alters what a session may do is written here by a trigger, whatever code path made it,
-- and every process reads this log every 100 ms and forgets the sessions concerned: a logout, a password change or
-- reset (the sessions are deleted), an account disabled, its role, name, institution or authority changed, a
-- physician record bound to the account; and a renamed institution or authority (account_id NULL: forget all).
CREATE TABLE actor_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id uuid,
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX actor_changes_changed_at_idx ON actor_changes (changed_at);

CREATE FUNCTION actor_changes_sessions_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_changes (account_id) SELECT DISTINCT account_id FROM gone;
  RETURN NULL;
END $$;
CREATE TRIGGER sessions_deleted_actor_change AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION actor_changes_sessions_deleted();

CREATE FUNCTION actor_changes_row_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_changes (account_id) VALUES (NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER accounts_actor_change AFTER UPDATE ON accounts FOR EACH ROW
  WHEN ((OLD.kind, OLD.role, OLD.login_name, OLD.display_name, OLD.disabled, OLD.must_change_password, OLD.institution_id, OLD.authority_id)
        IS DISTINCT FROM (NEW.kind, NEW.role, NEW.login_name, NEW.display_name, NEW.disabled, NEW.must_change_password, NEW.institution_id, NEW.authority_id))
  EXECUTE FUNCTION actor_changes_row_account();

CREATE FUNCTION actor_changes_physician_bound() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.account_id IS NOT NULL THEN
    INSERT INTO actor_changes (account_id) VALUES (OLD.account_id);
  END IF;
  IF NEW.account_id IS NOT NULL THEN
    INSERT INTO actor_changes (account_id) VALUES (NEW.account_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER physicians_inserted_actor_change AFTER INSERT ON physicians FOR EACH ROW
  WHEN (NEW.account_id IS NOT NULL) EXECUTE FUNCTION actor_changes_physician_bound();
CREATE TRIGGER physicians_rebound_actor_change AFTER UPDATE ON physicians FOR EACH ROW
  WHEN (OLD.account_id IS DISTINCT FROM NEW.account_id) EXECUTE FUNCTION actor_changes_physician_bound();

CREATE FUNCTION actor_changes_everyone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_changes (account_id) VALUES (NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER institutions_renamed_actor_change AFTER UPDATE ON institutions FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION actor_changes_everyone();
CREATE TRIGGER authorities_changed_actor_change AFTER UPDATE ON authorities FOR EACH ROW
  WHEN ((OLD.name, OLD.area_code, OLD.level) IS DISTINCT FROM (NEW.name, NEW.area_code, NEW.level))
  EXECUTE FUNCTION actor_changes_everyone();
