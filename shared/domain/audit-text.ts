import { roleLabels } from './account';
import { stageLabels } from './campaign';
import { chinaTime } from './china-day';
import { evaluationModeLabels, remedialReasonLabels } from './evaluation';
import { mechanismKindLabels } from './mechanism';
import { measureStateLabels } from './rectification';
import { gradeLabels } from './review';
import { voterGroupLabels } from './vote';

/** What each audited action is called in the console's 操作记录. */
export const actionLabels: Record<string, string> = {
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.password.change': '修改密码',
  'campaign.create': '新建活动',
  'campaign.update': '修改活动',
  'group.create': '新建督导组',
  'group.update': '修改督导组',
  'unit.create': '新建单位',
  'unit.update': '修改单位',
  'unit.import': '导入单位',
  'unit.stage.request': '申请转段',
  'unit.stage.approve': '同意转段',
  'unit.stage.refuse': '退回转段申请',
  'member.create': '添加党员',
  'member.update': '修改党员信息',
  'member.delete': '删除党员',
  'member.import': '导入党员名单',
  'round.open': '开始征求意见',
  'round.close': '提前结束征求意见',
  'round.form': '修改意见表',
  'review.open': '开始民主评议',
  'review.close': '结束民主评议',
  'review.paperIssued': '登记纸质票发出张数',
  'review.codes.mint': '制发评议选票码',
  'review.codes.revoke': '作废评议选票码',
  'review.tellers.appoint': '指定计票人',
  'review.paper.enter': '录入纸质票',
  'review.paper.correct': '更正纸质票',
  'review.count.confirm': '确认计票结束',
  'review.determine': '组织评定',
  'problem.create': '归并问题',
  'problem.update': '修改问题',
  'problem.delete': '删除问题',
  'measure.delete': '删除整改措施',
  'report.build': '生成分析评议报告',
  'report.submit': '报送督导组',
  'report.return': '退回报告',
  'report.approve': '认可报告',
  'measure.create': '制定整改措施',
  'measure.update': '修改整改措施',
  'measure.progress': '记录整改进展',
  'evaluation.open': '开始群众满意度测评',
  'evaluation.close': '结束群众满意度测评',
  'evaluation.codes.mint': '制发测评选票码',
  'evaluation.codes.revoke': '作废测评选票码',
  'evaluation.count': '测评计票',
  'evaluation.paperIssued': '登记纸质测评票发出张数',
  'evaluation.tellers.appoint': '指定测评计票人',
  'evaluation.paper.enter': '录入纸质测评票',
  'evaluation.paper.correct': '更正纸质测评票',
  'mechanism.create': '记录长效机制',
  'practice.submit': '报送经验做法',
  'practice.typical.mark': '选为典型经验',
  'practice.typical.unmark': '取消典型经验',
  'member.link.issue': '发放党员个人链接',
  'member.link.revoke': '作废党员个人链接',
  'analysis.enter': '代录党性分析材料',
  'analysis.return': '退回党性分析材料',
  'analysis.approve': '认可党性分析材料',
  'analysis.publish': '公开党性分析材料',
  'analysis.team.save': '撰写领导班子分析检查报告',
  'member-measure.progress': '记录党员个人整改进展',
};

/** What a target's kinds are called; the ids themselves go under 技术信息. */
const targetLabels: Record<string, string> = {
  unit: '单位',
  session: '民主评议',
  round: '征求意见',
  evaluation: '满意度测评',
  measure: '整改措施',
  mechanism: '长效机制',
  practice: '经验做法',
  campaign: '活动',
  group: '督导组',
  account: '账号',
  member: '党员',
  problem: '问题',
  report: '报告',
  analysis: '党性分析材料',
  'member-measure': '党员个人整改措施',
};

/** The detail fields people read, each with its label and how its value reads. */
const fields: Record<string, [label: string, read?: (v: unknown) => string]> = {
  to: ['转入阶段', (v) => stageLabels[v as keyof typeof stageLabels] ?? String(v)],
  stage: ['阶段', (v) => stageLabels[v as keyof typeof stageLabels] ?? String(v)],
  group: ['投票人', (v) => voterGroupLabels[v as keyof typeof voterGroupLabels] ?? String(v)],
  voterGroup: ['投票人', (v) => voterGroupLabels[v as keyof typeof voterGroupLabels] ?? String(v)],
  count: ['数量'],
  revoked: ['作废张数'],
  note: ['说明'],
  comment: ['意见'],
  reason: ['理由'],
  name: ['名称'],
  title: ['标题'],
  post: ['责任岗位'],
  deadline: ['完成时限'],
  closesAt: ['截止时间', (v) => chinaTime(String(v))],
  at: ['时间', (v) => chinaTime(String(v))],
  mode: ['方式', (v) => evaluationModeLabels[v as keyof typeof evaluationModeLabels] ?? String(v)],
  measures: ['措施项数'],
  members: ['参评党员人数'],
  ballots: ['票数'],
  remedial: [
    '补课原因',
    (v) => (v ? (remedialReasonLabels[v as keyof typeof remedialReasonLabels] ?? String(v)) : '无'),
  ],
  kind: ['类别', (v) => mechanismKindLabels[v as keyof typeof mechanismKindLabels] ?? String(v)],
  state: ['状态', (v) => measureStateLabels[v as keyof typeof measureStateLabels] ?? String(v)],
  grade: ['等次', (v) => gradeLabels[v as keyof typeof gradeLabels] ?? String(v)],
  role: ['角色', (v) => roleLabels[v as keyof typeof roleLabels] ?? String(v)],
  slipNo: ['票号'],
  memberName: ['党员'],
  submitted: ['提交', (v) => (v ? '已提交' : '存为草稿')],
  linked: ['发放人数'],
  published: ['公开份数'],
  analysesScope: ['公开范围', (v) => (v === 'unit' ? '本单位' : '本支部党员')],
  reissued: ['其中重新发放'],
  teller: ['计票人', (v) => `第${v}计票人`],
  unresolvedSlips: ['未解决的票号', (v) => (Array.isArray(v) && v.length ? v.join('、') : '无')],
  scope: ['公开范围', (v) => (v === 'public' ? '持本单位二维码链接的群众' : '本单位')],
};

const plain = (v: unknown) => (Array.isArray(v) ? v.join('、') : typeof v === 'object' ? '' : String(v));

/** An audit entry as people read it: the action, what it was done to, the details in words; ids apart. */
export function auditText(e: {
  action: string;
  target: string;
  detail?: Record<string, unknown> | undefined;
}) {
  const kinds = e.target
    .split('/')
    .map((part) => targetLabels[part.split(':')[0] ?? ''])
    .filter(Boolean);
  const details = Object.entries(e.detail ?? {})
    .filter(([k, v]) => fields[k] && v !== undefined && v !== null && v !== '')
    .map(([k, v]) => {
      const [label, read] = fields[k] ?? [k];
      return `${label}：${read ? read(v) : plain(v)}`;
    })
    .filter((x) => !x.endsWith('：'));
  return {
    action: actionLabels[e.action] ?? '其他操作',
    target: kinds.join(' · '),
    details: details.join('；'),
  };
}
