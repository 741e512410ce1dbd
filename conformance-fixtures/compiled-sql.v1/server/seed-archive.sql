-- The archive data source of the server conformance world: reads only, strict
-- literal policy. Deterministic: no now(), no random().
CREATE SCHEMA archive;

CREATE TABLE archive.snapshot (
  id       int PRIMARY KEY,
  label    text NOT NULL,
  taken_on date NOT NULL
);

INSERT INTO archive.snapshot (id, label, taken_on) VALUES
  (1, 'genesis', '2024-01-01'),
  (2, 'q1-close', '2024-03-31'),
  (3, 'q2-close', '2024-06-30'),
  (4, 'q3-close', '2024-09-30'),
  (5, 'year-end', '2024-12-31');
