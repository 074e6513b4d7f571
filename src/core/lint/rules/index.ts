import type { Rule } from '../types';
import { enumLikeText } from './enumLikeText';
import { fkOnDeleteUnchosen } from './fkOnDelete';
import { fkTypeMismatch } from './fkTypeMismatch';
import { fkWithoutIndex } from './fkWithoutIndex';
import { identifierTooLong } from './identifierTooLong';
import { integerPrimaryKey } from './integerPrimaryKey';
import { likelyForeignKey } from './likelyForeignKey';
import { listInColumn } from './listInColumn';
import { missingConventionColumn } from './missingConventionColumn';
import { missingTableComment } from './missingTableComment';
import { moneyType } from './moneyType';
import { nameNeedsQuoting } from './nameNeedsQuoting';
import { nameNotSnakeCase } from './nameNotSnakeCase';
import { nullableBoolean } from './nullableBoolean';
import { nullableUniqueKey } from './nullableUniqueKey';
import { noPrimaryKey } from './noPrimaryKey';
import { polymorphicAssociation } from './polymorphicAssociation';
import { preferIdentity } from './preferIdentity';
import { preferJsonb } from './preferJsonb';
import { preferText } from './preferText';
import { preferTextOverChar } from './preferTextOverChar';
import { preferTimestamptz } from './preferTimestamptz';
import { randomUuidKey } from './randomUuidKey';
import { redundantIndex } from './redundantIndex';
import { repeatingGroup } from './repeatingGroup';
import { unnamedConstraint } from './unnamedConstraint';

/** Every rule of the review, keys and integrity first, then types, names, modelling, documentation. */
export const RULES: readonly Rule[] = [
  noPrimaryKey,
  fkTypeMismatch,
  identifierTooLong,
  fkWithoutIndex,
  redundantIndex,
  nullableUniqueKey,
  unnamedConstraint,
  fkOnDeleteUnchosen,
  likelyForeignKey,
  preferIdentity,
  integerPrimaryKey,
  randomUuidKey,
  preferTimestamptz,
  preferJsonb,
  moneyType,
  preferText,
  preferTextOverChar,
  nullableBoolean,
  nameNeedsQuoting,
  nameNotSnakeCase,
  listInColumn,
  repeatingGroup,
  polymorphicAssociation,
  enumLikeText,
  missingConventionColumn,
  missingTableComment,
];

/** A rule by id, for the UI's "why" panel and SARIF. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
