/**
 * What an annotation's validation depends on, as text comparable in SQL on both databases: the
 * project's parsed label config and skip mode. The write refuses when it changed.
 */
export const CONFIG_VERSION_SQL = `CAST(p.parsed_label_config AS TEXT) || '|' || COALESCE(p.skip_queue, '')`;
