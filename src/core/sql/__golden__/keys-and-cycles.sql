CREATE TABLE department (
  id         bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  manager_id bigint,
  code       text NOT NULL,
  CONSTRAINT department_pkey PRIMARY KEY (id),
  CONSTRAINT department_code_key UNIQUE (code)
);

CREATE TABLE employee (
  id            bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  department_id bigint NOT NULL,
  reports_to    bigint,
  email         text NOT NULL,
  CONSTRAINT employee_pkey PRIMARY KEY (id),
  UNIQUE (email)
);

CREATE TABLE purchase_order (
  year            smallint NOT NULL,
  number          integer NOT NULL,
  department_code text NOT NULL,
  CONSTRAINT purchase_order_pkey PRIMARY KEY (year, number)
);

CREATE TABLE order_line (
  order_year   smallint NOT NULL,
  order_number integer NOT NULL,
  line         integer NOT NULL,
  sku          text,
  variant      text,
  PRIMARY KEY (order_year, order_number, line),
  CONSTRAINT order_line_sku_key UNIQUE NULLS NOT DISTINCT (order_year, order_number, sku, variant),
  CONSTRAINT order_line_positive CHECK (line > 0),
  CHECK (sku IS NULL OR variant IS NOT NULL)
);

ALTER TABLE department
  ADD CONSTRAINT department_manager_fk FOREIGN KEY (manager_id) REFERENCES employee (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE employee
  ADD CONSTRAINT employee_department_fk FOREIGN KEY (department_id) REFERENCES department (id);

ALTER TABLE employee
  ADD CONSTRAINT employee_reports_to_fk FOREIGN KEY (reports_to) REFERENCES employee (id) ON DELETE SET NULL;

ALTER TABLE purchase_order
  ADD FOREIGN KEY (department_code) REFERENCES department (code);

ALTER TABLE order_line
  ADD CONSTRAINT order_line_order_fk FOREIGN KEY (order_year, order_number) REFERENCES purchase_order (year, number) ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX employee_department_idx ON employee (department_id);

CREATE INDEX ON employee (reports_to);
