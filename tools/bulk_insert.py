"""Rows inserted in one statement, where the ORM's create of thousands costs several times the
rows themselves (see models/mentoring_batched_tracking_mixin.py for why and where)."""


def insert_rows(model, rows):
    """Insert `rows` (dicts of stored, non-relational-list fields in `create` format) into
    `model`'s table in one INSERT, with who and when as the ORM sets them; return the new ids in
    the order of `rows`. No compute, constraint or override of `create` runs: only for models
    whose create does nothing else for these values (the caller's tests compare the result
    with the ORM's)."""
    if not rows:
        return []
    env = model.env
    now = env.cr.now()
    rows = [
        {"create_uid": env.uid, "create_date": now, "write_uid": env.uid, "write_date": now, **row}
        for row in rows
    ]
    columns = sorted({name for row in rows for name in row})
    fields_ = [model._fields[name] for name in columns]
    row_placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    query = 'INSERT INTO "{}" ({}) VALUES {} RETURNING id'.format(  # noqa: S608 (a model's table and fields)
        model._table,
        ", ".join(f'"{name}"' for name in columns),
        ", ".join([row_placeholder] * len(rows)),
    )
    params = [
        field.convert_to_column_insert(row.get(field.name), model, row) for row in rows for field in fields_
    ]
    env.cr.execute(query, params)
    return [row[0] for row in env.cr.fetchall()]
