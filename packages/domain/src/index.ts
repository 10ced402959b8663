// Public surface of @medreg/domain. Each area re-exports its module here.
import "./zod-locale";
export * from "./errors";
export * from "./jurisdiction";
// Free text a person types: no control, invisible or direction-changing characters
export * from "./text/plain-text";

// Identifiers (domain §4)
export * from "./identifiers/identifier-errors";
export * from "./identifiers/resident-id";
export * from "./identifiers/organization-code";
export * from "./identifiers/credit-code";
export * from "./identifiers/licence-registration-number";
export * from "./identifiers/qualification-code";
export * from "./identifiers/licence-code";

// GB/T 2260 administrative divisions (domain §4.8)
export { REGION_LEVELS, type Region, type RegionLevel } from "./regions/division-index";
export * from "./regions/regions";

// Reference data (domain §4.9, §4.10)
export * from "./reference/physician-levels";
export * from "./reference/practice-categories";
export * from "./reference/practice-scopes";
export * from "./reference/scope-selection";
export * from "./reference/titles";
export * from "./reference/education";

// Dates and the working-day calendar (《行政许可法》第八十二条)
export * from "./calendar/iso-date";
export * from "./calendar/working-days";
export * from "./calendar/chinese-days-overrides";
export * from "./calendar/provisional-due-date";
export * from "./calendar/calendar-year-entry";

// Business-application workflow (domain §2.1)
export * from "./workflow/application-states";
export * from "./workflow/actor-roles";
export * from "./workflow/workflow-table";
export * from "./workflow/action-labels";
export * from "./workflow/transition";
export * from "./workflow/scheduled-actions";
export * from "./workflow/institution-queues";
export * from "./workflow/authority-queues";
export * from "./workflow/authority-queue-query";
export * from "./audit/audit-trail";
export * from "./audit/audit-report";

// The registration record and its filings and certificate: lifecycles as tables (domain §3.1–3.2)
export * from "./registration/index";

// Businesses, accounts
export * from "./business-types";
// One definition per business type: who may apply, the form, who confirms and decides, the effect on approval
export * from "./business/index";
export * from "./activation";
export * from "./physician-activation";
export * from "./physician-name";
export * from "./account-credentials";
export * from "./accounts/index";
export * from "./contact";

// Business applications: what a physician fills in (BT-01) and the declarations of 《医师法》第十六条
export * from "./applications/declarations";
export * from "./applications/first-registration";
export * from "./applications/first-registration-rules";
// The authority's side: paper materials (seed 注册需要提交的材料), 退回补正 and written decisions
export * from "./applications/paper-materials";
export * from "./applications/authority-decisions";
export * from "./institution/index";

// Supervision on the register: 定期考核, 暂停执业活动, 吊销 (domain §5.4, §1.3)
export * from "./supervision/index";

// 资格补改 handled by the authority (domain §2.2 BT-12)
export * from "./qualifications/index";
export * from "./physician-info/index";

// Uploaded files: sizes and counts
export * from "./uploads/upload-limits";
export * from "./statistics/index";
