-- 0007: the map's world view reads every incident as a point (store/points.py): an index that
-- holds every column it reads, in its order, so that the read never touches the table's rows.
CREATE INDEX incidents_points ON incidents (date_from, incident_id, lat, lon, type, family, killed, injured);
