// The navigation's sections live in the shared contract's neighbourhood (src/shared/sections.ts), where
// each is tied to the entries it opens with, so a menu never offers what a role cannot use.
export { SECTIONS, sectionsFor, type Section } from '../../../shared/sections';
