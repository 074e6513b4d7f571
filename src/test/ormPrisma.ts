import { createRequire } from 'node:module';

/**
 * The Prisma schema engine (the same Rust code as `prisma validate`, compiled to WASM) for tests:
 * validation errors and lint warnings as text, and the DMMF, the model Prisma Client is built from.
 */

interface PrismaWasm {
  validate(params: string): void;
  lint(input: string): string;
  get_dmmf(params: string): string;
}

// The WASM module reports Rust panics through this global; without it a panic hides the message.
const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
registry.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    throw new Error(`prisma-schema-wasm panicked: ${message}`);
  },
};
const wasm = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as PrismaWasm;

const params = (schema: string) =>
  JSON.stringify({ prismaSchema: [['schema.prisma', schema]], noColor: true });

/** The validation error message, or undefined when Prisma accepts the schema. */
export function prismaValidationError(schema: string): string | undefined {
  try {
    wasm.validate(params(schema));
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    try {
      return (JSON.parse(text) as { message: string }).message;
    } catch {
      return text;
    }
  }
}

/** Prisma's warnings (deprecations, ignored models...) as text. */
export function prismaWarnings(schema: string): string[] {
  const found = JSON.parse(wasm.lint(JSON.stringify([['schema.prisma', schema]]))) as {
    text: string;
    is_warning: boolean;
  }[];
  return found.map((f) => (f.is_warning ? 'warning: ' : 'error: ') + f.text);
}

/** A DMMF field, as far as the tests read it. */
export interface DmmfField {
  name: string;
  dbName: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}

export function prismaDmmf(schema: string): {
  models: DmmfModel[];
  enums: {
    name: string;
    dbName: string | null;
    values: { name: string; dbName: string | null }[];
  }[];
} {
  const dmmf = JSON.parse(wasm.get_dmmf(params(schema))) as {
    datamodel: ReturnType<typeof prismaDmmf>;
  };
  return dmmf.datamodel;
}
