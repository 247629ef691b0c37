/**
 * The email templates of the default playbook, per stage of its model (潜在客户识别 → 需求沟通 → 方案设计
 * → 谈判签约 → 售后服务). Each follows what the brief asks of its stage: a prepared first contact that
 * asks for a needs conversation; a recap of the customer's situation, problems and what solving them is
 * worth, in their words; a proposal tied to those priorities; terms summed up with the open points and
 * the road to signature; and after-sales check-ins that keep the relationship and ask for referrals.
 *
 * Chinese templates greet with the whole name (`{fullName}您好`), as Chinese business mail does.
 */
import type { EmailTemplate, LocalizedText } from './schema';

function t(en: string, zh: string): LocalizedText {
  return { en, 'zh-CN': zh };
}

function template(
  id: string,
  name: LocalizedText,
  subject: LocalizedText,
  body: LocalizedText,
): EmailTemplate {
  return { id, name, subject, body };
}

export const DEFAULT_TEMPLATES: Readonly<Record<string, readonly EmailTemplate[]>> = {
  lead: [
    template(
      'first-contact',
      t('First contact', '首次联系'),
      t('A question about {company}', '关于{company}的一个想法'),
      t(
        'Hi {firstName},\n\nI work with companies like {company} on [the outcome you help with]. I noticed [something specific about their business or recent news], and wondered how you handle [the related problem] today.\n\nWould you be open to a 20-minute call next week to compare notes? If someone else owns this topic, I would be grateful for a pointer.\n\nBest regards,\n{senderName}',
        '{fullName}您好：\n\n我们长期为{company}这样的企业提供［您能带来的成果］。注意到贵司近期［具体业务或动态］，想请教一下目前在［相关难点］方面是怎么处理的？\n\n不知下周是否方便安排20分钟电话交流？如果这方面由其他同事负责，也烦请帮忙引荐。\n\n祝好！\n{senderName}',
      ),
    ),
    template(
      'no-reply-follow-up',
      t('Follow-up after no reply', '未回复跟进'),
      t('Re: A question about {company}', '回复：关于{company}的一个想法'),
      t(
        'Hi {firstName},\n\nI know your inbox is busy, so just a short follow-up on my note last week. Teams we work with usually start by [a quick win], which takes little of your time.\n\nIs this worth a short conversation, or should I check back next quarter?\n\nBest regards,\n{senderName}',
        '{fullName}您好：\n\n知道您工作繁忙，简单跟进一下上周的邮件。与我们合作的团队通常从［一个见效快的切入点］开始，不会占用您太多时间。\n\n您看是否值得简短沟通一次？还是下个季度再联系您更合适？\n\n祝好！\n{senderName}',
      ),
    ),
  ],
  discovery: [
    template(
      'meeting-recap',
      t('Needs meeting recap', '需求沟通纪要'),
      t('Summary of our conversation – {company}', '沟通纪要 – {company}'),
      t(
        'Hi {firstName},\n\nThank you for your time today. To make sure I understood you correctly:\n\n- Today: [how things work now]\n- The main problems: [in their words]\n- What this costs: [time, money or risk]\n- What solving it would mean for you: [their words]\n\nNext step: [agreed next step and date]. Please correct anything I got wrong.\n\nBest regards,\n{senderName}',
        '{fullName}您好：\n\n感谢您今天抽出时间交流。为确保理解无误，整理要点如下：\n\n- 现状：［目前的做法］\n- 核心难点：［客户的原话］\n- 带来的影响：［时间、成本或风险］\n- 解决后的价值：［客户的原话］\n\n下一步：［约定的事项和时间］。如有理解不准确的地方，请随时指正。\n\n祝好！\n{senderName}',
      ),
    ),
    template(
      'meeting-request',
      t('Needs meeting request', '需求沟通邀约'),
      t('Preparing our conversation', '沟通前的准备'),
      t(
        'Hi {firstName},\n\nLooking forward to our conversation. So that we use the time well, I would like to understand three things:\n\n1. How [the process] works at {company} today\n2. Where it causes the most trouble\n3. Who else should take part in deciding on a change\n\nWould [date and time] suit you and anyone you would like to bring?\n\nBest regards,\n{senderName}',
        '{fullName}您好：\n\n期待与您的沟通。为了充分利用时间，希望重点了解三件事：\n\n1. {company}目前［相关流程］是怎样运作的\n2. 哪些环节最让您头疼\n3. 如需调整，还有哪些同事会参与决策\n\n［日期和时间］是否方便？也欢迎您邀请相关同事一起参加。\n\n祝好！\n{senderName}',
      ),
    ),
  ],
  solution: [
    template(
      'proposal-sent',
      t('Proposal sent', '方案发送'),
      t('Our proposal for {company}', '给{company}的方案'),
      t(
        'Hi {firstName},\n\nAttached is our proposal. It is built around the priorities you named:\n\n- [priority 1] → [how the proposal addresses it]\n- [priority 2] → [how the proposal addresses it]\n\nCould we walk through it together with [other stakeholders] on [date]? That way every question is answered before anyone decides.\n\nBest regards,\n{senderName}',
        '{fullName}您好：\n\n附件是我们的方案，围绕您提出的重点而设计：\n\n- ［重点一］→［方案如何解决］\n- ［重点二］→［方案如何解决］\n\n能否在［日期］与［其他相关人］一起过一遍方案？这样可以在决策前把问题都解答清楚。\n\n祝好！\n{senderName}',
      ),
    ),
  ],
  negotiation: [
    template(
      'terms-summary',
      t('Terms summary', '条款确认'),
      t('Where we stand – {company}', '合作条款确认 – {company}'),
      t(
        'Hi {firstName},\n\nThank you for the constructive discussion. Here is where we stand:\n\nAgreed: [scope, price, timeline]\nStill open: [open points and who resolves them]\n\nIf this matches your understanding, the next steps are [contract review, signature] by [date], so that we can start on [start date].\n\nBest regards,\n{senderName}',
        '{fullName}您好：\n\n感谢今天富有成效的沟通。目前进展如下：\n\n已达成一致：［范围、价格、时间表］\n待确认事项：［未决事项及负责人］\n\n如与您的理解一致，下一步将在［日期］前完成［合同审核、签署］，以便在［启动日期］正式启动。\n\n祝好！\n{senderName}',
      ),
    ),
  ],
  'after-sales': [
    template(
      'check-in',
      t('Check-in after delivery', '交付后回访'),
      t('How is it going at {company}?', '使用情况回访'),
      t(
        'Hi {firstName},\n\nIt has been a few weeks since [the delivery or go-live]. How is it going for your team? I would especially like to hear what works well and what could be better.\n\nIf you are happy with the results, I would also be glad to know whether a colleague in another team or company faces a similar challenge.\n\nBest regards,\n{senderName}',
        '{fullName}您好：\n\n［交付或上线］已有几周了，想了解一下团队的使用情况如何？特别希望听听哪些地方效果好、哪些地方还可以改进。\n\n如果您对效果满意，也欢迎推荐其他部门或公司有类似需求的朋友，我们很乐意提供帮助。\n\n祝好！\n{senderName}',
      ),
    ),
  ],
};
