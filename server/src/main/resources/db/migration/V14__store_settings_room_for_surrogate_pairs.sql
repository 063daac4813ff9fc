-- A store's name and address are limited to 60 and 200 characters (code points, StoreSettings). H2 measures
-- VARCHAR in UTF-16 units, so a name of 31 to 60 emoji or other characters outside the BMP passed the check
-- and failed the UPDATE (500). Each code point takes at most two units: twice the room. PostgreSQL counts
-- code points, so the wider columns change nothing there.
ALTER TABLE store_settings ALTER COLUMN display_name SET DATA TYPE VARCHAR(120);
ALTER TABLE store_settings ALTER COLUMN address SET DATA TYPE VARCHAR(400);
