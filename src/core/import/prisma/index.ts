export {
  readPrismaSchema,
  type PrismaSchemaEngine,
  type PrismaSchemaError,
} from './readPrismaSchema';
export type { PrismaNote, PrismaSql } from './prismaToSql';
