import type { Linter } from 'eslint';

export const boundaryRules: Linter.RulesRecord;
export const boundaryConfigs: Linter.Config[];
