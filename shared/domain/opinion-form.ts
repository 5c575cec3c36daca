import type { UnitType } from './org';

/**
 * The opinion form's vocabulary, from the seed speech: what an opinion is
 * about, the focus areas (着力点) of each unit type, and the problems each
 * category of party member is to solve.
 */
export const aboutOptions = {
  leadership: '单位领导班子',
  members: '党员队伍',
  work: '单位工作',
} as const;
export type About = keyof typeof aboutOptions;

export const respondentOptions = { member: '党员', mass: '群众' } as const;
export type Respondent = keyof typeof respondentOptions;

export const focusAreas: Record<UnitType, Record<string, string>> = {
  enterprise: {
    laborRelations: '建立和谐的劳资关系',
    corporateCulture: '建设先进的企业文化',
    lawfulOperation: '促进企业依法经营',
    economicEfficiency: '提高企业经济效益',
    development: '加快企业发展',
  },
  school: {
    theoryStudy: '教职工和学生的理论武装',
    schoolEthos: '校风校纪',
    teacherEthics: '师德师风',
    campusCulture: '教书育人、尊师重教的校园文化',
  },
  research: {
    innovation: '技术创新能力',
    ownIp: '开发具有自主知识产权的产品',
    competitiveness: '提高竞争力',
  },
  other: {},
};

/** Problems to solve, grouped by the member category the seed names them for. */
export const problemGroups = [
  {
    label: '党员领导干部',
    problems: { powerView: '权力观', statusView: '地位观', interestView: '利益观' },
  },
  {
    label: '广大党员',
    problems: { partyAwareness: '党员意识淡薄', discipline: '纪律松弛', ownership: '主体意识不强' },
  },
  {
    label: '生产一线党员',
    problems: { dedication: '爱岗敬业', workSkills: '工作技能' },
  },
  {
    label: '下岗失业和生活困难党员',
    problems: { pessimism: '悲观消极', dependence: '被动依赖' },
  },
] as const;

export const problemLabels: Record<string, string> = Object.assign(
  {},
  ...problemGroups.map((g) => g.problems),
);

/** Length limits of the free-text fields. */
export const textLimits = { opinion: 1000, suggestion: 1000, customText: 200 } as const;
