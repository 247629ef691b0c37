/**
 * The playbook that ships with Dealside, written from the sales-process-management brief: the five-stage
 * model (潜在客户识别 → 需求沟通 → 方案设计 → 谈判签约 → 售后服务), exit checklists per stage, a SPIN
 * question bank and follow-up cadences, with variants for the three industries the brief sets apart:
 * manufacturing (supply chain, technical customisation, samples and trials, supplier qualification,
 * longer cycles), services (scope and statement of work, service levels, references) and software/IT
 * (technical solution, trial or proof of concept, security review, IT sign-off, adoption).
 *
 * Users edit their own copy (see `createDefaultPlaybook`); this constant is never mutated.
 * Ids are stable: accounts store stage and checklist ids and the question log stores question ids.
 */
import type { BuyingRole } from '../contact/buying-roles';
import type {
  CadenceStep,
  ChecklistItem,
  IndustryId,
  LocalizedText,
  Playbook,
  SpinQuestion,
  SpinType,
} from './schema';
import { defaultIndustries } from './default-industries';
import { DEFAULT_LOST_REASONS, PLAYBOOK_FORMAT, PLAYBOOK_VERSION } from './schema';
import { DEFAULT_TEMPLATES } from './default-templates';

function t(en: string, zh: string): LocalizedText {
  return { en, 'zh-CN': zh };
}

/** A checklist item; `role` names the buying-group role it is about, when it is about a person. */
function item(id: string, en: string, zh: string, role?: BuyingRole): ChecklistItem {
  return role ? { id, text: t(en, zh), role } : { id, text: t(en, zh) };
}

function step(id: string, offsetDays: number, en: string, zh: string): CadenceStep {
  return { id, offsetDays, title: t(en, zh) };
}

/**
 * Stage groups for tagging questions: Situation and Problem questions open a deal; Implication and
 * Need-payoff questions deepen it through solution design and negotiation; after-sales has its own.
 */
const EARLY = ['lead', 'discovery'];
const DEEPENING = ['discovery', 'solution', 'negotiation'];
const PROPOSING = ['solution', 'negotiation'];
const RETENTION = ['after-sales'];

/** Questions sharing an industry, a SPIN type and stages: `[id, English, Chinese]` each. */
function spin(
  industry: IndustryId,
  type: SpinType,
  stages: readonly string[],
  entries: readonly (readonly [id: string, en: string, zh: string])[],
): SpinQuestion[] {
  return entries.map(([id, en, zh]) => ({ id, type, stages: [...stages], industry, text: t(en, zh) }));
}

const stages: Playbook['stages'] = [
  {
    id: 'lead',
    probability: 10,
    name: t('Lead identification', '潜在客户识别'),
    goal: t(
      'Confirm the account is worth pursuing and prepare a well-researched first contact.',
      '确认客户值得投入，并为首次接触做好充分准备。',
    ),
    checklist: [
      item(
        'research-background',
        'Company background researched: business, size, recent news',
        '已完成客户背景调研：主营业务、规模和近期动态',
      ),
      item(
        'map-stakeholders',
        'Stakeholders mapped: likely decision-maker, influencers and day-to-day contact',
        '已梳理关系人：可能的决策人、影响者和日常对接人',
        'decision-maker',
      ),
      item(
        'fit-check',
        'Account fits our target profile (industry, size, likely need)',
        '客户符合目标客户画像（行业、规模、潜在需求）',
      ),
      item('needs-hypothesis', 'First hypothesis of their needs written down', '已写下对客户需求的初步判断'),
      item(
        'contact-plan',
        'First-contact plan ready: channel, opening angle and questions to ask',
        '已准备首次接触方案：沟通渠道、开场切入点和拟提问题',
      ),
      item(
        'first-contact',
        'First contact made and a needs meeting requested',
        '已完成首次接触，并提出需求沟通的会面邀约',
      ),
    ],
  },
  {
    id: 'discovery',
    probability: 20,
    name: t('Needs discovery', '需求沟通'),
    goal: t(
      "Use SPIN questions to understand the customer's situation, their problems and what solving them is worth.",
      '运用SPIN提问，摸清客户现状、核心难点以及解决问题的价值。',
    ),
    checklist: [
      item(
        'current-situation',
        'Current situation recorded: processes, tools and suppliers in use',
        '已记录客户现状：现有流程、工具和供应商',
      ),
      item(
        'problems-confirmed',
        "Key problems confirmed in the customer's own words",
        '已用客户自己的话确认核心难点',
      ),
      item(
        'impact-quantified',
        'Impact of those problems quantified (cost, time, risk)',
        '已量化这些问题带来的影响（成本、时间、风险）',
      ),
      item(
        'value-stated',
        'Customer has said what solving them would be worth',
        '客户已明确表达解决问题的价值和期望',
      ),
      item(
        'decision-process',
        'Decision process, evaluation criteria and timeline understood',
        '已了解决策流程、评估标准和时间表',
      ),
      item(
        'stakeholders-engaged',
        'Everyone who will influence the decision identified or met',
        '已确认或接触所有影响决策的关键人',
        'influencer',
      ),
      item('next-meeting', 'Next meeting agreed with a date', '已约定下次沟通的具体时间'),
    ],
  },
  {
    id: 'solution',
    probability: 40,
    name: t('Solution design', '方案设计'),
    goal: t(
      'Present a solution that answers the needs the customer stated, and get agreement that it fits.',
      '提交与客户所述需求逐一对应的方案，并获得客户认可。',
    ),
    checklist: [
      item(
        'needs-mapped',
        'Every part of the proposal traces back to a need the customer stated',
        '方案的每一部分都能对应到客户提出的需求',
      ),
      item(
        'internal-review',
        'Proposal reviewed internally: scope, delivery and pricing',
        '方案已通过内部评审：范围、交付和报价',
      ),
      item(
        'presented-to-decision-maker',
        'Proposal presented to the decision-maker, not only the day-to-day contact',
        '方案已向决策人汇报，而不仅是日常对接人',
        'decision-maker',
      ),
      item('objections-handled', 'Objections recorded and answered', '客户异议已记录并逐一回应'),
      item(
        'business-case',
        'Business case (return on investment) agreed with the customer',
        '已与客户就投入产出（ROI）达成共识',
        'economic-buyer',
      ),
      item(
        'proof-provided',
        'Proof provided where needed: reference customers, case study, demo or trial',
        '已按需提供佐证：参考客户、成功案例、演示或试用',
      ),
    ],
  },
  {
    id: 'negotiation',
    probability: 60,
    name: t('Negotiation & signing', '谈判签约'),
    goal: t(
      'Agree commercial terms with the decision-maker and get the contract signed.',
      '与决策人就商务条款达成一致，完成合同签署。',
    ),
    checklist: [
      item(
        'decision-maker-confirmed',
        'Decision-maker and signatory confirmed',
        '已确认决策人和合同签署人',
        'decision-maker',
      ),
      item('budget-confirmed', 'Budget confirmed and approved', '预算已确认并获批', 'economic-buyer'),
      item(
        'procurement-steps',
        'Procurement and legal steps known, with owners and dates',
        '已明确采购和法务流程、负责人及时间节点',
      ),
      item(
        'commercial-terms',
        'Price, payment and delivery terms agreed',
        '价格、付款方式和交付条款已达成一致',
      ),
      item(
        'contract-terms',
        'Contract terms agreed: acceptance criteria, service levels, liability',
        '合同条款已确认：验收标准、服务水平和责任划分',
      ),
      item(
        'concessions-traded',
        'Every concession traded for something in return, and written down',
        '每一项让步都换取了对等条件，并已书面记录',
      ),
      item(
        'contract-signed',
        'Contract signed and handed over to the delivery team',
        '合同已签署，并已移交交付团队',
      ),
    ],
  },
  {
    id: 'after-sales',
    probability: 80,
    name: t('After-sales & retention', '售后服务'),
    goal: t(
      'Deliver on what was promised, keep in regular contact and grow a loyal account that refers others.',
      '兑现承诺，坚持定期回访，把客户发展为忠诚且愿意转介绍的长期伙伴。',
    ),
    checklist: [
      item(
        'kickoff-held',
        'Kick-off held with the delivery team; the customer knows who to contact',
        '已召开交付启动会，客户清楚后续对接人',
      ),
      item(
        'onboarding-confirmed',
        'Delivery accepted and first results confirmed with the customer',
        '已与客户确认交付验收情况和初步成效',
        'user',
      ),
      item('visits-scheduled', 'Regular follow-up visits scheduled', '已排定定期回访计划'),
      item(
        'satisfaction-checked',
        'Satisfaction checked and every open issue closed',
        '已了解客户满意度，遗留问题均已闭环',
      ),
      item(
        'relationships-widened',
        'Relationships built beyond the original contact',
        '已与原对接人之外的更多关键人建立关系',
      ),
      item(
        'resources-shared',
        'Useful resources shared with the customer: industry contacts, events, know-how',
        '已为客户提供有价值的资源：行业人脉、交流活动或专业经验',
      ),
      item(
        'referral-requested',
        'Asked for a referral or for the customer to act as a reference',
        '已请客户转介绍，或邀请其作为参考案例',
        'champion',
      ),
      item('growth-opportunity', 'Renewal or expansion opportunity identified', '已识别续约或增购机会'),
    ],
  },
];

/**
 * Industry checklists, for the stages where the work differs. Ids carry the industry's prefix: a stage's
 * lists share one id space, so a tick stored on an account means one item.
 */
const industryChecklists: Record<string, Record<string, ChecklistItem[]>> = {
  discovery: {
    manufacturing: [
      item(
        'mfg-current-supply',
        'Current supply recorded: parts or materials, incumbent suppliers, annual volumes',
        '已记录现有供应情况：物料或零部件、现有供应商和年用量',
      ),
      item(
        'mfg-technical-requirements',
        'Technical requirements collected: drawings, specifications, tolerances, certifications',
        '已收集技术要求：图纸、规格、公差和所需认证',
      ),
      item(
        'mfg-problems-confirmed',
        'Quality, delivery or cost problems confirmed with both production and purchasing',
        '已与生产和采购部门共同确认质量、交期或成本方面的问题',
      ),
      item(
        'mfg-impact-quantified',
        'Impact quantified: scrap rate, line stoppages, late deliveries, inventory held',
        '已量化影响：废品率、停线时间、交付延误和库存占用',
      ),
      item(
        'mfg-plant-visit',
        'Plant visited: production line, warehouse and quality lab seen',
        '已完成工厂实地拜访：看过产线、仓库和质检实验室',
      ),
      item(
        'mfg-decision-unit',
        'Decision unit mapped: engineering, quality, purchasing and plant management',
        '已梳理决策链：技术、质量、采购和工厂管理层',
      ),
      item(
        'mfg-sourcing-window',
        'Sourcing window known: next model change, annual tender or contract renewal',
        '已了解采购时间窗口：下次换型、年度招标或合同续签',
      ),
    ],
    software: [
      item(
        'sw-current-systems',
        'Current systems recorded: tools in use, integrations, where the data lives',
        '已记录现有系统：在用工具、系统集成和数据存放位置',
      ),
      item(
        'sw-problems-confirmed',
        'Problems confirmed with the business users, not only with IT',
        '已与业务使用者（不仅是IT部门）确认核心难点',
      ),
      item(
        'sw-impact-quantified',
        'Impact quantified: hours of manual work, errors, delays',
        '已量化影响：手工工时、差错和延误',
      ),
      item(
        'sw-technical-requirements',
        'Technical requirements collected: integrations, cloud or on-premises, data volumes',
        '已收集技术要求：系统集成、云端或本地部署、数据量',
      ),
      item(
        'sw-it-security-contacts',
        'IT and information-security contacts identified and involved',
        '已确认并邀请IT和信息安全对接人参与',
      ),
      item(
        'sw-buying-process',
        'Buying process known: budget owner, evaluation steps, security review, timeline',
        '已了解采购流程：预算负责人、评估步骤、安全评审和时间表',
      ),
      item(
        'sw-demo-booked',
        "Tailored demo booked on the customer's own use cases",
        '已约好基于客户实际场景的定制演示',
      ),
    ],
  },
  solution: {
    manufacturing: [
      item(
        'mfg-spec-agreed',
        "Technical solution checked against the customer's specification with their engineers",
        '技术方案已与客户工程师逐项对照其规格确认',
      ),
      item(
        'mfg-samples-sent',
        'Samples or a trial batch delivered, with test conditions and pass criteria agreed beforehand',
        '已交付样品或试产批次，并事先约定测试条件和合格标准',
      ),
      item(
        'mfg-trial-passed',
        "Sample or trial results accepted by the customer's quality team",
        '样品或试产结果已获客户质量部门认可',
      ),
      item(
        'mfg-capacity-confirmed',
        'Our capacity, lead time and supply chain confirmed for their volumes',
        '已确认我方产能、交期和供应链能满足客户用量',
      ),
      item(
        'mfg-total-cost',
        'Total cost compared with the incumbent: unit price, quality losses, logistics',
        '已与现有供应商做总成本对比：单价、质量损失和物流',
      ),
      item(
        'mfg-plant-tour',
        'Decision-makers have visited our plant or a reference plant',
        '决策人已考察我方工厂或参考客户工厂',
      ),
    ],
    services: [
      item(
        'svc-scope-agreed',
        'Scope agreed in writing: what is in and what is out',
        '已书面确认服务范围：包含什么、不包含什么',
      ),
      item(
        'svc-sow-drafted',
        'Statement of work drafted: deliverables, milestones, responsibilities on both sides',
        '已起草工作说明书（SOW）：交付物、里程碑和双方职责',
      ),
      item(
        'svc-service-levels',
        'Service levels agreed, and how they will be measured',
        '已约定服务水平及其衡量方式',
      ),
      item(
        'svc-team-introduced',
        'The people who will deliver the service introduced to the customer',
        '已向客户介绍实际提供服务的交付团队成员',
      ),
      item(
        'svc-references',
        'A reference client in a similar situation has spoken with the customer',
        '情况相近的参考客户已与客户交流',
      ),
      item(
        'svc-pricing-model',
        'Pricing model chosen: fixed fee, time and materials, or retainer',
        '已确定计价方式：固定总价、按人天计费或包年服务',
      ),
    ],
    software: [
      item(
        'sw-demo-done',
        "Demo given on the customer's own use cases and data",
        '已用客户自己的场景和数据完成演示',
      ),
      item(
        'sw-poc-scoped',
        'Trial or proof of concept scoped, with written success criteria and an end date',
        '已界定试用或概念验证（POC）范围，书面约定成功标准和截止日期',
      ),
      item(
        'sw-poc-passed',
        'Trial results reviewed with the customer and the success criteria met',
        '已与客户复盘试用结果，成功标准均已达成',
      ),
      item(
        'sw-integration-plan',
        'Integration and data-migration approach agreed with IT',
        '已与IT部门确认系统集成和数据迁移方案',
      ),
      item(
        'sw-security-review',
        'Security questionnaire answered and reviewed by their security team',
        '已完成安全问卷，并通过客户信息安全团队评审',
      ),
      item(
        'sw-business-case',
        'Business case agreed: licences, implementation and running costs against the savings',
        '已就投入产出达成共识：许可、实施和运维成本与节省对比',
      ),
    ],
  },
  negotiation: {
    manufacturing: [
      item(
        'mfg-supplier-qualified',
        'Supplier qualification passed: audit, certificates, supplier registration',
        '已通过供应商准入：现场审核、资质文件和供应商注册',
      ),
      item(
        'mfg-quality-agreement',
        'Quality agreement signed off: inspection standards, PPAP or first-article approval',
        '质量协议已确认：检验标准、PPAP或首件批准',
      ),
      item(
        'mfg-price-terms',
        'Price, raw-material price adjustment and payment terms agreed',
        '价格、原材料调价机制和付款条件已谈妥',
      ),
      item(
        'mfg-delivery-terms',
        'Delivery terms agreed: Incoterms, call-off schedule, safety stock',
        '交付条款已谈妥：贸易术语、要货计划和安全库存',
      ),
      item(
        'mfg-purchase-order',
        'Purchasing has issued the framework agreement or the first purchase order',
        '采购部门已签发框架协议或首张订单',
      ),
      item(
        'mfg-handover-planning',
        'Order handed over to production planning with the agreed specification',
        '订单已按约定规格移交生产计划部门',
      ),
    ],
    services: [
      item(
        'svc-sow-signed',
        "Statement of work signed off by the customer's owner",
        '工作说明书已由客户负责人签字确认',
      ),
      item(
        'svc-rates-agreed',
        'Rates, expenses and invoicing schedule agreed',
        '费率、差旅费用和开票节点已谈妥',
      ),
      item(
        'svc-change-process',
        'Change-request process agreed for work outside the scope',
        '已约定范围外工作的变更流程',
      ),
      item(
        'svc-sla-terms',
        'Service-level credits and termination terms agreed',
        '服务水平违约补偿和终止条款已谈妥',
      ),
      item(
        'svc-start-booked',
        'Contract signed and a start date booked with the delivery team',
        '合同已签署，并已与交付团队敲定开工日期',
      ),
    ],
    software: [
      item(
        'sw-it-signoff',
        'IT and security have signed off the architecture and data protection',
        'IT和信息安全部门已批准技术架构和数据保护方案',
      ),
      item(
        'sw-licence-model',
        'Licence model agreed, with the number of users or modules',
        '已确定许可模式以及用户数或模块',
      ),
      item(
        'sw-dpa-sla',
        'Data-processing agreement and service-level terms agreed',
        '数据处理协议和服务水平条款已谈妥',
      ),
      item(
        'sw-implementation-plan',
        'Implementation plan and go-live date agreed by both project leads',
        '双方项目负责人已确认实施计划和上线日期',
      ),
      item(
        'sw-procurement-legal',
        'Procurement and legal review done; the order form is ready to sign',
        '采购和法务审核已完成，订单待签署',
      ),
      item(
        'sw-signed-handover',
        'Contract signed and handed over to the implementation team',
        '合同已签署，并已移交实施团队',
      ),
    ],
  },
  'after-sales': {
    manufacturing: [
      item(
        'mfg-first-delivery',
        'First delivery arrived on time and passed incoming inspection',
        '首批交货准时到达并通过来料检验',
      ),
      item(
        'mfg-quality-tracking',
        'Quality and on-time delivery reviewed with the customer every month',
        '每月与客户复盘质量和准时交付情况',
      ),
      item(
        'mfg-complaints-closed',
        'Every quality complaint answered with root cause and corrective action (8D)',
        '每一起质量投诉都已给出原因分析和纠正措施（8D）',
      ),
      item(
        'mfg-forecast-shared',
        'Customer shares its demand forecast, so we can plan capacity',
        '客户已共享需求预测，便于我方规划产能',
      ),
      item(
        'mfg-plant-visits',
        'Regular visits scheduled with their production and quality teams',
        '已与客户生产和质量部门排定定期走访',
      ),
      item(
        'mfg-next-parts',
        'Next parts, models or plants we could supply identified',
        '已识别下一批可供应的零部件、机型或工厂',
      ),
    ],
    services: [
      item(
        'svc-kickoff',
        'Kick-off held; the customer knows their account manager and delivery lead',
        '已召开启动会，客户清楚客户经理和交付负责人',
      ),
      item(
        'svc-service-reviews',
        'Monthly service reviews held against the agreed service levels',
        '已按约定服务水平定期召开月度服务回顾',
      ),
      item(
        'svc-user-satisfaction',
        "Satisfaction measured with the customer's users, not only the buyer",
        '已向客户的实际使用者（不仅是采购方）了解满意度',
      ),
      item(
        'svc-escalations-fixed',
        'Every escalation closed and its cause fixed in the process',
        '每一次升级投诉都已闭环，并从流程上消除原因',
      ),
      item(
        'svc-case-study',
        'Results written up as a case study the customer has approved',
        '已将成果整理成经客户认可的案例',
      ),
      item(
        'svc-renewal-early',
        'Renewal or extra scope discussed well before the contract ends',
        '已在合同到期前提早沟通续约或增加服务范围',
      ),
    ],
    software: [
      item(
        'sw-onboarding',
        'Onboarding done: users trained, administrators named',
        '已完成上线培训：用户已培训，管理员已指定',
      ),
      item(
        'sw-go-live',
        'Go-live confirmed and first results measured against the business case',
        '已确认正式上线，并对照投资回报测算初步成效',
      ),
      item(
        'sw-adoption',
        'Adoption tracked: active users and features in use',
        '已跟踪使用情况：活跃用户数和功能使用情况',
      ),
      item(
        'sw-support-tickets',
        'Open support tickets reviewed and every escalation closed',
        '已复盘未结技术支持工单，升级问题均已闭环',
      ),
      item(
        'sw-roadmap',
        'Product roadmap shared and their feature requests recorded',
        '已分享产品路线图，并记录客户的功能需求',
      ),
      item(
        'sw-renewal-expansion',
        'Renewal date tracked; more users or modules proposed',
        '已跟踪续约日期，并提出增加用户或模块的建议',
      ),
    ],
  },
};

const stagesWithVariants: Playbook['stages'] = stages.map((stage) =>
  industryChecklists[stage.id] ? { ...stage, industryChecklists: industryChecklists[stage.id] } : stage,
);

const generalQuestions: SpinQuestion[] = [
  ...spin('general', 'S', EARLY, [
    [
      'gen-s-current-process',
      'Could you walk me through how your team handles this today, from start to finish?',
      '能否请您介绍一下，贵司目前从头到尾是怎么处理这项工作的？',
    ],
    [
      'gen-s-team-structure',
      'Who is involved in this process, and how is the work divided between them?',
      '这项工作涉及哪些人员？彼此之间是怎么分工的？',
    ],
    [
      'gen-s-current-suppliers',
      'Which suppliers or tools do you use for this now, and how long have you worked with them?',
      '目前这方面用的是哪些供应商或工具？合作多久了？',
    ],
    [
      'gen-s-priorities',
      "What are the company's top priorities for this year?",
      '贵司今年最重要的几项工作重点是什么？',
    ],
    [
      'gen-s-past-decision',
      'When you made a similar purchase in the past, how was the decision made and who signed it off?',
      '以往类似的采购是怎么决策的？最终由谁拍板？',
    ],
    [
      'gen-s-volume',
      'Roughly what volumes are we talking about: orders, users or sites?',
      '大概是多大的量级？比如订单量、使用人数或网点数量。',
    ],
    [
      'gen-s-recent-changes',
      'What has changed in your business over the past year?',
      '过去一年里，贵司的业务有哪些变化？',
    ],
    [
      'gen-s-budget-cycle',
      'How is the budget for this planned, and when does the next budget cycle start?',
      '这方面的预算是怎么规划的？下一轮预算什么时候启动？',
    ],
  ]),
  ...spin('general', 'P', EARLY, [
    [
      'gen-p-biggest-frustration',
      'Which part of the current process causes your team the most trouble?',
      '现有流程中，最让团队头疼的是哪个环节？',
    ],
    [
      'gen-p-supplier-gaps',
      'Where does your current supplier fall short of what you need?',
      '现有供应商在哪些方面还达不到您的要求？',
    ],
    [
      'gen-p-workarounds',
      'Where do people still rely on manual work or workarounds to get it done?',
      '哪些环节还要靠人工或临时变通的办法来弥补？',
    ],
    [
      'gen-p-missed-targets',
      'Which targets have been hardest to hit, and what has got in the way?',
      '哪些指标最难完成？主要卡在什么地方？',
    ],
    [
      'gen-p-errors-delays',
      'How often do errors or delays happen, and where do they usually start?',
      '出错或延误的情况多吗？通常是从哪个环节开始的？',
    ],
    [
      'gen-p-tried-before',
      "What have you already tried to fix this, and why didn't it last?",
      '之前为解决这个问题做过哪些尝试？为什么效果没能持续？',
    ],
    [
      'gen-p-growth-limits',
      'If your business doubled, where would the current setup stop coping?',
      '如果业务量翻一番，现有的做法会在哪里撑不住？',
    ],
  ]),
  ...spin('general', 'I', DEEPENING, [
    [
      'gen-i-cost-of-problem',
      'What does this problem cost you in a typical month, in money, hours or lost orders?',
      '这个问题一个月大概会给您带来多少损失？无论是金额、工时还是丢掉的订单。',
    ],
    [
      'gen-i-knock-on',
      'When this goes wrong, which other departments feel it?',
      '这个环节一出问题，还会牵连到哪些部门？',
    ],
    [
      'gen-i-customer-impact',
      'How does this affect your own customers and how they see you?',
      '这对贵司自己的客户有什么影响？他们会怎么看待贵司？',
    ],
    [
      'gen-i-do-nothing',
      'If nothing changes over the next twelve months, where does that leave you?',
      '如果未来一年维持现状，会是什么局面？',
    ],
    [
      'gen-i-targets-risk',
      "How much does this put this year's targets at risk?",
      '这会给今年的目标完成带来多大风险？',
    ],
    [
      'gen-i-management-attention',
      'Has this reached senior management yet? How would they react if it got worse?',
      '这个问题引起公司高层关注了吗？如果情况继续恶化，高层会怎么看？',
    ],
    [
      'gen-i-team-load',
      "What is this doing to your team's workload and morale?",
      '这对团队的工作负荷和士气有什么影响？',
    ],
  ]),
  ...spin('general', 'N', DEEPENING, [
    [
      'gen-n-value-of-fix',
      'If this were solved, what would it be worth to you?',
      '如果这个问题解决了，对贵司意味着多大的价值？',
    ],
    [
      'gen-n-success-picture',
      'What would a good result look like six months from now?',
      '在您看来，半年后达到什么样的结果才算成功？',
    ],
    [
      'gen-n-who-benefits',
      'Apart from your team, who else in the company would benefit, and how?',
      '除了您的团队，公司里还有谁会从中受益？体现在哪些方面？',
    ],
    [
      'gen-n-time-back',
      'What would your team do with the time they get back?',
      '团队省下来的时间，可以投入到哪些更有价值的工作上？',
    ],
    [
      'gen-n-top-improvement',
      'Of everything we have discussed, which improvement matters most to you?',
      '在我们谈到的这些改进中，您最看重哪一项？',
    ],
  ]),
  ...spin('general', 'N', PROPOSING, [
    [
      'gen-n-internal-case',
      'What would help you make the case for this inside your company?',
      '要在公司内部推动这件事，您还需要我们提供哪些支持或材料？',
    ],
    [
      'gen-n-before-peak',
      'How would it help if this were in place before your next busy season?',
      '如果能在下一个业务旺季之前落地，会给您带来哪些帮助？',
    ],
  ]),
  // After-sales: retention, satisfaction, referrals.
  ...spin('general', 'S', RETENTION, [
    [
      'gen-s-usage-today',
      'How is your team using what we delivered in its day-to-day work?',
      '目前团队在日常工作中是怎么使用我们所交付的产品和服务的？',
    ],
  ]),
  ...spin('general', 'P', RETENTION, [
    [
      'gen-p-harder-than-expected',
      'What has been harder than expected since we started working together?',
      '合作以来，有哪些地方比预想的更难推进？',
    ],
  ]),
  ...spin('general', 'I', RETENTION, [
    [
      'gen-i-open-issues',
      "If the remaining issues aren't fixed, how would that affect your plans for next year?",
      '如果剩下的问题一直得不到解决，会对明年的计划产生什么影响？',
    ],
  ]),
  ...spin('general', 'N', RETENTION, [
    [
      'gen-n-referral',
      "Who else in your network faces the same challenge and could benefit from what you've achieved?",
      '您认识的同行里，还有谁面临同样的挑战，也能从贵司的经验中受益？',
    ],
    [
      'gen-n-next-goals',
      'What are your next goals, and where else could we help?',
      '接下来贵司有哪些新目标？我们还能在哪些方面出一份力？',
    ],
  ]),
];

/** Manufacturing: supply-chain coordination, customised technical solutions, key-account relationships. */
const manufacturingQuestions: SpinQuestion[] = [
  ...spin('manufacturing', 'S', EARLY, [
    [
      'mfg-s-production-setup',
      'What do you produce, on how many lines or plants, and at what capacity utilisation?',
      '贵司主要生产哪些产品？有几条产线或几个工厂？产能利用率大概是多少？',
    ],
    [
      'mfg-s-supply-chain',
      'How is your supply chain set up: key suppliers, lead times and inventory policy?',
      '贵司的供应链是怎么安排的？核心供应商、采购周期和库存策略分别是怎样的？',
    ],
    [
      'mfg-s-specs',
      'Which technical specifications and certifications must a supplier meet?',
      '供应商需要满足哪些技术规格和认证要求？',
    ],
    [
      'mfg-s-key-customers',
      'Who are your key customers, and what do they require from you on delivery and quality?',
      '贵司的大客户有哪些？他们在交期和质量上对贵司有什么要求？',
    ],
  ]),
  ...spin('manufacturing', 'P', EARLY, [
    [
      'mfg-p-delivery-delays',
      'Where do delays in your supply chain come from: suppliers, production or logistics?',
      '供应链上的延误主要出在哪里：供应商、生产还是物流？',
    ],
    [
      'mfg-p-quality-issues',
      'Which quality problems come up most often, and how do you trace their cause?',
      '最常见的质量问题有哪些？出了问题是怎么追溯原因的？',
    ],
    [
      'mfg-p-standard-fit',
      'Where do standard products not fit your process, so that parts need rework or adaptation?',
      '标准产品在哪些地方与贵司的工艺不匹配，需要返工或二次改造？',
    ],
    [
      'mfg-p-downtime',
      'How much production time is lost to changeovers, maintenance or unplanned downtime?',
      '换线、检修和非计划停机大概会占用多少生产时间？',
    ],
  ]),
  ...spin('manufacturing', 'I', DEEPENING, [
    [
      'mfg-i-line-stop',
      'When a part arrives late and a line stops, what does that cost you per hour?',
      '零部件一旦晚到导致停线，每小时的损失大概有多少？',
    ],
    [
      'mfg-i-key-account-risk',
      'How would a missed delivery affect your relationship with your biggest customer?',
      '一旦对最大的客户延迟交货，会对双方的合作产生什么影响？',
    ],
    [
      'mfg-i-safety-stock',
      'How much cash is tied up in safety stock because supply is unreliable?',
      '因为供货不稳定而多备的安全库存，占用了多少资金？',
    ],
    [
      'mfg-i-scrap-cost',
      'Over a year, how much do scrap and rework add to your unit cost?',
      '一年下来，报废和返工让单位成本增加了多少？',
    ],
  ]),
  ...spin('manufacturing', 'N', DEEPENING, [
    [
      'mfg-n-custom-solution',
      "If the solution were engineered to your line's exact specifications, what would that change for output and quality?",
      '如果方案完全按照贵司产线的规格定制，会给产量和质量带来哪些改变？',
    ],
    [
      'mfg-n-stable-supply',
      'With stable, on-time supply, what could you promise your own customers?',
      '如果供货稳定准时，贵司就能向自己的客户做出哪些承诺？',
    ],
  ]),
  ...spin('manufacturing', 'N', PROPOSING, [
    [
      'mfg-n-joint-planning',
      'How much would joint planning help, with shared forecasts and a dedicated account team on our side?',
      '如果双方联合做计划，共享需求预测，并由我方配备专属客户团队，对贵司会有多大帮助？',
    ],
  ]),
  ...spin('manufacturing', 'P', RETENTION, [
    [
      'mfg-p-spares-service',
      'When equipment breaks down, how quickly do spare parts and on-site service reach you?',
      '设备出现故障时，备件和上门服务多久能够到位？',
    ],
  ]),
  ...spin('manufacturing', 'N', RETENTION, [
    [
      'mfg-n-uptime',
      'If we monitored the equipment and planned preventive maintenance with you, what would higher uptime be worth?',
      '如果我们与贵司一起做设备监测和预防性维护，提高设备开机率能带来多大价值？',
    ],
  ]),
];

/** Services: customer experience and personalised service. */
const servicesQuestions: SpinQuestion[] = [
  ...spin('services', 'S', EARLY, [
    [
      'svc-s-service-model',
      'How do you deliver your service today: through which channels, which teams and at what hours?',
      '贵司目前是怎样提供服务的？通过哪些渠道、由哪些团队、在哪些时段？',
    ],
    [
      'svc-s-client-segments',
      'Which client segments matter most to you, and how do their expectations differ?',
      '哪些客户群体对贵司最重要？他们的期望有什么不同？',
    ],
    [
      'svc-s-experience-metrics',
      'How do you measure customer experience now: NPS, satisfaction surveys, complaints?',
      '贵司现在如何衡量客户体验？用NPS、满意度调研，还是投诉数据？',
    ],
    [
      'svc-s-standard-vs-tailored',
      'Which parts of your service are standardised, and which are tailored to each client?',
      '贵司的服务中，哪些环节是标准化的，哪些是按客户单独定制的？',
    ],
  ]),
  ...spin('services', 'P', EARLY, [
    [
      'svc-p-inconsistency',
      'Where does service quality vary most between staff, shifts or locations?',
      '服务质量在不同员工、班次或门店之间，哪里差异最大？',
    ],
    ['svc-p-complaints', 'What do clients complain about most often?', '客户最常投诉的是什么？'],
    [
      'svc-p-personalisation-limits',
      'What stops you from personalising the service as much as clients would like?',
      '是什么限制了贵司按照客户期望提供个性化服务？',
    ],
    [
      'svc-p-peak-load',
      'What happens to response times at peak periods?',
      '到了业务高峰期，响应时间会受到多大影响？',
    ],
  ]),
  ...spin('services', 'I', DEEPENING, [
    [
      'svc-i-churn',
      'After a poor experience, how likely is a client to leave, and what is a lost client worth to you?',
      '客户一旦体验不好，流失的可能性有多大？流失一个客户意味着多少损失？',
    ],
    [
      'svc-i-reputation',
      'How do poor experiences show up in reviews and word of mouth?',
      '糟糕的体验会怎样反映在客户评价和口碑上？',
    ],
    [
      'svc-i-staff-turnover',
      'How does the pressure on front-line staff affect turnover and training costs?',
      '一线员工承受的压力，对人员流失和培训成本有什么影响？',
    ],
  ]),
  ...spin('services', 'N', DEEPENING, [
    [
      'svc-n-consistent-experience',
      'If every client got the same high standard whoever served them, what would that do for retention?',
      '如果无论由哪位员工接待，客户都能享受同样高水准的服务，对客户留存会有什么帮助？',
    ],
    [
      'svc-n-personalised',
      "What would it mean for repeat business if each service were tailored to the client's history and preferences?",
      '如果能根据每位客户的历史记录和偏好定制服务，对复购会有多大帮助？',
    ],
  ]),
  ...spin('services', 'N', PROPOSING, [
    [
      'svc-n-staff-focus',
      'If routine work were standardised, where would your staff put their time instead?',
      '如果日常事务实现了标准化，员工可以把精力投入到哪些地方？',
    ],
  ]),
  ...spin('services', 'S', RETENTION, [
    [
      'svc-s-client-feedback',
      'What have your own clients said about the service since we started working together?',
      '合作以来，贵司的客户对服务有哪些反馈？',
    ],
  ]),
  ...spin('services', 'I', RETENTION, [
    [
      'svc-i-renewal-season',
      'If satisfaction scores slipped this quarter, how would that affect your renewal season?',
      '如果本季度满意度下滑，会对贵司的续约旺季产生什么影响？',
    ],
  ]),
];

/** Software and IT: requirements, customisation, trial feedback, technical support. */
const softwareQuestions: SpinQuestion[] = [
  ...spin('software', 'S', EARLY, [
    [
      'sw-s-systems-landscape',
      'Which systems do you run today, and how are they connected?',
      '贵司目前在用哪些系统？系统之间是怎么打通的？',
    ],
    [
      'sw-s-requirements-owner',
      'Who owns the requirements (the business, IT or both), and are they written down?',
      '需求由谁负责：业务部门、IT部门，还是双方共同负责？有没有成文的需求文档？',
    ],
    [
      'sw-s-it-constraints',
      'What constraints does IT set: deployment model, security review, where data may be stored?',
      'IT方面有哪些限制条件？比如部署方式、安全审查、数据存放位置等。',
    ],
    [
      'sw-s-users-roles',
      'How many people would use it, and in which roles?',
      '预计有多少人使用？分别是什么岗位角色？',
    ],
  ]),
  ...spin('software', 'P', EARLY, [
    [
      'sw-p-requirement-gaps',
      'Which of your requirements does the current system not cover?',
      '现有系统有哪些需求满足不了？',
    ],
    [
      'sw-p-integration',
      'Where does data have to be re-entered or reconciled between systems?',
      '哪些数据需要在系统之间重复录入或人工核对？',
    ],
    [
      'sw-p-customisation-upkeep',
      'How much effort does it take to keep your customisations working after each upgrade?',
      '每次系统升级后，要花多少精力才能让定制功能继续正常运行？',
    ],
    [
      'sw-p-support-quality',
      'How satisfied are you with the technical support you get now, in response time and resolution?',
      '您对目前的技术支持满意吗？比如响应速度和问题解决情况。',
    ],
  ]),
  ...spin(
    'software',
    'P',
    ['solution'],
    [
      [
        'sw-p-trial-feedback',
        'During the trial, what did users find confusing or missing?',
        '试用期间，用户觉得哪些地方不好用，或者还缺什么功能？',
      ],
    ],
  ),
  ...spin('software', 'I', DEEPENING, [
    [
      'sw-i-reconciliation-cost',
      'How many staff hours and errors do the manual reconciliations cause each month?',
      '每月人工核对数据要耗费多少工时？又会造成多少差错？',
    ],
    [
      'sw-i-adoption-risk',
      "If users don't take to the new system, what happens to the project and to its sponsor?",
      '如果用户不愿意使用新系统，项目本身和项目发起人会面临什么后果？',
    ],
    [
      'sw-i-security',
      'What would a security or compliance failure in this area mean for you?',
      '如果这方面出现安全或合规问题，对贵司意味着什么？',
    ],
    [
      'sw-i-rollout-delay',
      'If the rollout slipped by a quarter, which business plans would slip with it?',
      '如果上线推迟一个季度，哪些业务计划会随之延后？',
    ],
  ]),
  ...spin(
    'software',
    'N',
    ['discovery', 'solution'],
    [
      [
        'sw-n-trial-criteria',
        'What would a trial need to show for you to be confident going ahead?',
        '试用阶段需要验证哪些结果，您才有信心继续推进？',
      ],
    ],
  ),
  ...spin('software', 'N', DEEPENING, [
    [
      'sw-n-configure-not-build',
      'If the standard product met your core requirements through configuration rather than custom code, what would that save you?',
      '如果标准产品通过配置、而非定制开发就能满足核心需求，能为贵司节省多少？',
    ],
    [
      'sw-n-single-source',
      "With one reliable source of data, what could your teams do that they can't today?",
      '如果有了统一可靠的数据来源，各团队能做到哪些现在做不到的事？',
    ],
  ]),
  ...spin('software', 'N', PROPOSING, [
    [
      'sw-n-named-support',
      'How much would a named support engineer with guaranteed response times be worth to your team?',
      '如果配备专属技术支持工程师并承诺响应时效，对团队有多大价值？',
    ],
  ]),
  ...spin('software', 'S', RETENTION, [
    [
      'sw-s-feature-usage',
      'Which features do people use most, and which have they not touched yet?',
      '哪些功能用得最多？哪些功能还没人用过？',
    ],
  ]),
  ...spin('software', 'I', RETENTION, [
    [
      'sw-i-open-tickets',
      'If the open support issues drag on, how would that affect rolling out to other departments?',
      '如果遗留的技术支持问题迟迟得不到解决，会对向其他部门推广产生什么影响？',
    ],
  ]),
];

const cadences: Playbook['cadences'] = [
  {
    stageId: 'lead',
    steps: [
      step(
        'research-stakeholders',
        1,
        'Research the account and map its stakeholders',
        '调研客户背景，梳理关系人',
      ),
      step('first-contact', 2, 'Make first contact', '进行首次接触'),
      step('no-reply-follow-up', 7, 'Follow up if there has been no reply', '如未获回复，再次跟进'),
    ],
  },
  {
    stageId: 'discovery',
    steps: [
      step(
        'send-recap',
        1,
        'Send a meeting recap confirming the needs you heard',
        '发送会议纪要，确认所了解到的需求',
      ),
      step(
        'meet-stakeholders',
        5,
        'Meet the other people who influence the decision',
        '约见其他影响决策的关键人',
      ),
      step(
        'confirm-decision-process',
        10,
        'Confirm the decision process and timeline',
        '确认决策流程和时间表',
      ),
    ],
  },
  {
    stageId: 'solution',
    steps: [
      step('confirm-proposal-received', 2, 'Confirm the proposal was received', '确认客户已收到方案'),
      step('handle-objections', 5, 'Collect feedback and handle objections', '收集反馈，处理客户异议'),
      step(
        'check-decision-date',
        10,
        'Check the decision date with the decision-maker',
        '与决策人确认决策时间',
      ),
    ],
  },
  {
    stageId: 'negotiation',
    steps: [
      step('confirm-terms-in-writing', 1, 'Confirm the agreed terms in writing', '书面确认已谈妥的条款'),
      step('chase-contract', 3, 'Chase the contract through approval', '跟进合同审批进度'),
      step('confirm-signing-date', 7, 'Confirm the signing date with the signatory', '与签署人确认签约日期'),
    ],
  },
  {
    stageId: 'after-sales',
    steps: [
      step('kickoff', 1, 'Hold the kick-off and introduce the delivery team', '召开启动会，介绍交付团队'),
      step('onboarding-check', 7, 'Onboarding check: is delivery on track?', '上线回访：确认交付是否顺利'),
      step('satisfaction-visit', 30, 'Satisfaction visit', '满意度回访'),
      step('quarterly-review', 90, 'Quarterly business review', '季度业务回顾'),
      step(
        'renewal-referral',
        180,
        'Half-year review: renewal, expansion and referrals',
        '半年度回顾：续约、增购与转介绍',
      ),
    ],
  },
];

/**
 * Industry cadences, where the timing differs: manufacturing waits on samples, trials and supplier
 * qualification (weeks, not days); services turn on the statement of work and references; software on
 * the trial and the security review.
 */
const industryCadences: Playbook['cadences'] = [
  {
    stageId: 'solution',
    industry: 'manufacturing',
    steps: [
      step(
        'agree-sample-plan',
        2,
        'Agree the sample or trial plan and its pass criteria',
        '确认样品或试产计划及合格标准',
      ),
      step(
        'samples-arrived',
        7,
        'Check the samples arrived and testing has started',
        '确认样品已到货并开始测试',
      ),
      step(
        'trial-results',
        21,
        'Review the trial results with quality and engineering',
        '与质量和技术部门复盘试产结果',
      ),
      step(
        'invite-plant-visit',
        30,
        'Invite the decision-makers to visit our plant',
        '邀请决策人到我方工厂考察',
      ),
    ],
  },
  {
    stageId: 'negotiation',
    industry: 'manufacturing',
    steps: [
      step(
        'qualification-documents',
        2,
        'Send the supplier-qualification documents purchasing asked for',
        '提交采购部门要求的供应商准入资料',
      ),
      step('audit-date', 10, 'Fix the date of the supplier audit', '敲定供应商审核日期'),
      step(
        'chase-purchase-order',
        21,
        'Chase the framework agreement or first purchase order',
        '跟进框架协议或首张订单',
      ),
      step('first-call-off', 30, 'Confirm the first call-off and delivery date', '确认首次要货和交货日期'),
    ],
  },
  {
    stageId: 'after-sales',
    industry: 'manufacturing',
    steps: [
      step(
        'first-delivery-check',
        3,
        'Check the first delivery passed incoming inspection',
        '确认首批交货已通过来料检验',
      ),
      step('monthly-quality-review', 30, 'Monthly quality and delivery review', '月度质量与交付回顾'),
      step(
        'forecast-review',
        90,
        "Review the customer's demand forecast for next quarter",
        '评估客户下季度的需求预测',
      ),
      step(
        'supplier-review',
        180,
        'Half-year supplier review: price, quality and new parts',
        '半年度供应商评审：价格、质量和新增零部件',
      ),
    ],
  },
  {
    stageId: 'solution',
    industry: 'services',
    steps: [
      step('send-sow', 2, 'Send the draft statement of work', '发送工作说明书草稿'),
      step('reference-call', 5, 'Set up a call with a reference client', '安排客户与参考客户通话'),
      step(
        'scope-walkthrough',
        8,
        'Walk through scope and service levels with the decision-maker',
        '与决策人逐项确认服务范围和服务水平',
      ),
    ],
  },
  {
    stageId: 'after-sales',
    industry: 'services',
    steps: [
      step('kickoff', 1, 'Hold the kick-off and name the account manager', '召开启动会，明确客户经理'),
      step(
        'first-service-review',
        14,
        'First service review: are we meeting the service levels?',
        '首次服务回顾：服务水平是否达标',
      ),
      step('monthly-service-review', 30, 'Monthly service review', '月度服务回顾'),
      step('renewal-conversation', 150, 'Start the renewal conversation', '启动续约沟通'),
    ],
  },
  {
    stageId: 'solution',
    industry: 'software',
    steps: [
      step(
        'trial-kickoff',
        1,
        'Kick off the trial: accounts, data and success criteria',
        '启动试用：开通账号、准备数据、明确成功标准',
      ),
      step('trial-check-in', 5, 'Mid-trial check-in with the users', '试用中期与使用者沟通进展'),
      step(
        'security-documents',
        7,
        'Send the security documentation and questionnaire answers',
        '提交安全资料和问卷答复',
      ),
      step('trial-readout', 14, 'Review the trial results with the decision-maker', '与决策人复盘试用结果'),
    ],
  },
  {
    stageId: 'negotiation',
    industry: 'software',
    steps: [
      step(
        'send-order-form',
        1,
        'Send the order form with the agreed licence terms',
        '发送订单及已谈妥的许可条款',
      ),
      step(
        'chase-legal-dpa',
        5,
        'Chase the legal review and the data-processing agreement',
        '跟进法务审核和数据处理协议',
      ),
      step(
        'signing-and-go-live',
        10,
        'Confirm the signing date and the go-live plan',
        '确认签约日期和上线计划',
      ),
    ],
  },
  {
    stageId: 'after-sales',
    industry: 'software',
    steps: [
      step('admin-onboarding', 1, 'Run the onboarding session for administrators', '为管理员开展上线培训'),
      step(
        'adoption-check',
        14,
        'Adoption check: who uses it, who is stuck?',
        '使用情况检查：谁在用，谁遇到了困难',
      ),
      step('health-check', 45, 'Account health check with the usage figures', '基于使用数据的客户健康度检查'),
      step(
        'renewal-preparation',
        300,
        'Prepare the renewal: value delivered and an expansion proposal',
        '准备续约：梳理已交付价值，提出增购建议',
      ),
    ],
  },
];

export const DEFAULT_PLAYBOOK: Playbook = deepFreeze({
  format: PLAYBOOK_FORMAT,
  version: PLAYBOOK_VERSION,
  name: t('Dealside B2B sales process', 'Dealside B2B 销售流程'),
  industries: defaultIndustries(),
  stages: stagesWithVariants.map((stage) => ({
    ...stage,
    templates: [...(DEFAULT_TEMPLATES[stage.id] ?? [])],
  })),
  questions: [...generalQuestions, ...manufacturingQuestions, ...servicesQuestions, ...softwareQuestions],
  cadences: [...cadences, ...industryCadences],
  lostReasons: [...DEFAULT_LOST_REASONS],
});

/** A fresh, mutable copy of the default playbook, e.g. as the starting point of the editor. */
export function createDefaultPlaybook(): Playbook {
  return structuredClone(DEFAULT_PLAYBOOK);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
