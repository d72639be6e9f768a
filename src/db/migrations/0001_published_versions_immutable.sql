-- A published framework version is immutable: later rounds and plans refer to exactly what people rated against.
CREATE FUNCTION refuse_published_framework_version_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'framework version % is published and cannot change', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER framework_versions_immutable
  BEFORE UPDATE OR DELETE ON framework_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_published_framework_version_change();
--> statement-breakpoint
ALTER TABLE framework_versions ADD CONSTRAINT framework_versions_status_check CHECK (status IN ('draft', 'published'));
--> statement-breakpoint
ALTER TABLE framework_versions ADD CONSTRAINT framework_versions_published_at_check CHECK ((status = 'published') = (published_at IS NOT NULL));
