import type { Rule } from './rule.js';
import { alertCaseConflict } from './rules/alert-case-conflict.js';
import { alertShadowsId } from './rules/alert-shadows-id.js';
import { brokenAnchor } from './rules/broken-anchor.js';
import { brokenLink } from './rules/broken-link.js';
import { dueSoon } from './rules/due-soon.js';
import { drillFailed } from './rules/drill-failed.js';
import { drillRecord } from './rules/drill-record.js';
import { cutByComment } from './rules/cut-by-comment.js';
import { duplicateAlert } from './rules/duplicate-alert.js';
import { duplicateId } from './rules/duplicate-id.js';
import { duplicateKey } from './rules/duplicate-key.js';
import { editedAfterTest } from './rules/edited-after-test.js';
import { emptySection } from './rules/empty-section.js';
import { frontmatterMissing } from './rules/frontmatter-missing.js';
import { futureDate } from './rules/future-date.js';
import { internalError } from './rules/internal-error.js';
import { invalidSuppression } from './rules/invalid-suppression.js';
import { invalidValue } from './rules/invalid-value.js';
import { missingSection } from './rules/missing-section.js';
import { neverTested } from './rules/never-tested.js';
import { noEscalation } from './rules/no-escalation.js';
import { noRecoverySteps } from './rules/no-recovery-steps.js';
import { placeholderText } from './rules/placeholder-text.js';
import { requiredField } from './rules/required-field.js';
import { reviewEveryOverPolicy } from './rules/review-every-over-policy.js';
import { shallowClone } from './rules/shallow-clone.js';
import { stale } from './rules/stale.js';
import { unknownKey } from './rules/unknown-key.js';
import { unknownOwner } from './rules/unknown-owner.js';
import { unreadableFile } from './rules/unreadable-file.js';
import { unrecordedTest } from './rules/unrecorded-test.js';
import { unusedSuppression } from './rules/unused-suppression.js';
import { yamlSyntax } from './rules/yaml-syntax.js';
import { COVERAGE_RULES } from './coverage/rules.js';

/** Every rule, in the order the docs list them. A new rule is one file plus one line here. */
export const RULES: readonly Rule[] = [
  unreadableFile,
  internalError,
  frontmatterMissing,
  yamlSyntax,
  duplicateKey,
  unknownKey,
  requiredField,
  invalidValue,
  cutByComment,
  futureDate,
  stale,
  reviewEveryOverPolicy,
  dueSoon,
  neverTested,
  drillFailed,
  unrecordedTest,
  drillRecord,
  missingSection,
  emptySection,
  noRecoverySteps,
  placeholderText,
  noEscalation,
  unknownOwner,
  duplicateId,
  duplicateAlert,
  alertCaseConflict,
  alertShadowsId,
  brokenLink,
  brokenAnchor,
  editedAfterTest,
  shallowClone,
  ...COVERAGE_RULES,
  invalidSuppression,
  unusedSuppression,
];
