-- A `kpi generate` under way: its row is written before the tables are emptied and deleted once
-- they are full (or emptied again after a failure or an interrupt). A row left when no generate
-- runs means one was killed half-way (SIGKILL, power loss): the next generate names it and
-- --replace repairs it.
CREATE TABLE generate_in_progress (
  id TINYINT UNSIGNED NOT NULL,
  started_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_generate_in_progress_single_row CHECK (id = 1)
) ENGINE=InnoDB;
