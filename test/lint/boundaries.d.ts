import type { Rule } from 'eslint';

/** Which src/ folders each folder may import from. */
export declare const ALLOWED: Record<string, string[]>;
/** Packages each folder must never import. */
export declare const FORBIDDEN_PACKAGES: Record<string, RegExp[]>;
/** The import-boundaries rule. */
export declare const boundariesRule: Rule.RuleModule;
