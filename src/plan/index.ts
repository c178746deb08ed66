/** The plan's public surface: data, building, safety, serialisation, push outcomes and the renderers. */
export { PLAN_VERSION, type Plan, type PlanCounts, type ZonePlan, type ZonePushResult, type ZoneSafety } from './types.js';
export { assemblePlan, failedZonePlan, planZone, totalChanges, type PlanZoneInput, type PlanZoneResult, type ZoneIdentity } from './build.js';
export { canonicalJson, planChecksum, zoneChecksum, type ZoneChecksumInput } from './checksum.js';
export { checkSafety, DEFAULT_SAFETY } from './safety.js';
export { planFromJson, planToJson } from './serialize.js';
export { pushResult, recordChangeKey, skippedPush } from './push-result.js';
export { renderPushText, renderText, type TextOptions } from './render/text.js';
export { GITHUB_COMMENT_LIMIT, PLAN_MARKER, renderMarkdown, type MarkdownOptions } from './render/markdown.js';
export { renderReport, reportItems, type ReportItem } from './render/report.js';
export { changeLine, sanitize } from './render/lines.js';
