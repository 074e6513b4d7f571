import { err, ok, type Result } from '../../result';
import type { Dmmf } from './dmmf';
import { prismaToSql, type PrismaSql } from './prismaToSql';
import { readSchemaText } from './schemaText';

/**
 * The entry points of Prisma's schema engine (`@prisma/prisma-schema-wasm`, the Rust code of
 * `prisma validate` compiled to WebAssembly) the import calls. The CLI loads it with Node's
 * require, the studio from the bundled .wasm; this module only calls it.
 */
export interface PrismaSchemaEngine {
  validate(params: string): void;
  get_dmmf(params: string): string;
  get_config(params: string): string;
}

/** Why a Prisma schema gave no SQL: Prisma's own message, and the line it points at. */
export interface PrismaSchemaError {
  message: string;
  line?: number;
}

/**
 * A Prisma schema as the SQL Prisma Migrate would create for it, once Prisma's engine has
 * accepted it; Prisma's own message (with its line) when it does not.
 */
export function readPrismaSchema(
  engine: PrismaSchemaEngine,
  text: string,
  /** The name Prisma's messages give the file, before the line number. */
  fileName = 'schema.prisma',
): Result<PrismaSql, PrismaSchemaError> {
  const files = [[fileName, text]];
  try {
    engine.validate(JSON.stringify({ prismaSchema: files, noColor: true }));
  } catch (thrown) {
    return err(engineError(thrown));
  }
  let provider: string | undefined;
  let dmmf: Dmmf;
  try {
    const config = JSON.parse(
      engine.get_config(
        JSON.stringify({
          prismaSchema: files,
          datasourceOverrides: {},
          ignoreEnvVarErrors: true,
          env: {},
        }),
      ),
    ) as { config?: { datasources?: { activeProvider?: string }[] } };
    provider = config.config?.datasources?.[0]?.activeProvider;
    dmmf = (
      JSON.parse(engine.get_dmmf(JSON.stringify({ prismaSchema: files }))) as {
        datamodel: Dmmf;
      }
    ).datamodel;
  } catch (thrown) {
    return err(engineError(thrown));
  }
  if (provider !== undefined && provider !== 'postgresql' && provider !== 'postgres')
    return err({
      message: `The schema's datasource provider is "${provider}": Tablewright designs PostgreSQL schemas. Set provider = "postgresql" in the datasource block and import it again.`,
    });
  if (dmmf.models.length === 0 && dmmf.enums.length === 0)
    return err({
      message: 'The Prisma schema has no model and no enum: there is nothing to design from.',
    });
  return ok(prismaToSql(dmmf, readSchemaText(text)));
}

/** Prisma's message out of what the engine threw (JSON with `message`, or plain text). */
function engineError(thrown: unknown): PrismaSchemaError {
  const raw = thrown instanceof Error ? thrown.message : String(thrown);
  let message = raw;
  try {
    message = (JSON.parse(raw) as { message?: string }).message ?? raw;
  } catch {
    // Not JSON: a panic message or plain text, shown as it is.
  }
  const line = /-->\s+.*?:(\d+)\s*$/m.exec(message)?.[1];
  return { message: message.trim(), ...(line ? { line: Number(line) } : {}) };
}
