import type { MemberCategory, UnitType } from '../domain/org';

/** The demo campaign, from the seed speech: six supervision groups taking the units in slices. */
export const demoCampaignName = '开发区第二批先进性教育活动';

export const demoGroups = [
  '第一督导组',
  '第二督导组',
  '第三督导组',
  '第四督导组',
  '第五督导组',
  '第六督导组',
];

export const demoUnits: {
  name: string;
  type: UnitType;
  partyOrganization: string;
  responsibleTitle: string;
  group: number;
}[] = [
  {
    name: '开发区精密机械有限公司',
    type: 'enterprise',
    partyOrganization: '精密机械公司党支部',
    responsibleTitle: '党支部书记',
    group: 0,
  },
  {
    name: '开发区电子科技股份有限公司',
    type: 'enterprise',
    partyOrganization: '电子科技公司党委',
    responsibleTitle: '党委书记',
    group: 0,
  },
  {
    name: '开发区新材料有限公司',
    type: 'enterprise',
    partyOrganization: '新材料公司党支部',
    responsibleTitle: '党支部书记',
    group: 1,
  },
  {
    name: '开发区物流集团',
    type: 'enterprise',
    partyOrganization: '物流集团党总支',
    responsibleTitle: '党总支书记',
    group: 1,
  },
  {
    name: '开发区汽车零部件有限公司',
    type: 'enterprise',
    partyOrganization: '汽车零部件公司党支部',
    responsibleTitle: '党支部书记',
    group: 2,
  },
  {
    name: '开发区食品有限公司',
    type: 'enterprise',
    partyOrganization: '食品公司党支部',
    responsibleTitle: '党支部书记',
    group: 2,
  },
  {
    name: '开发区第一中学',
    type: 'school',
    partyOrganization: '第一中学党总支',
    responsibleTitle: '党总支书记',
    group: 3,
  },
  {
    name: '开发区实验小学',
    type: 'school',
    partyOrganization: '实验小学党支部',
    responsibleTitle: '党支部书记',
    group: 3,
  },
  {
    name: '开发区职业技术学校',
    type: 'school',
    partyOrganization: '职业技术学校党支部',
    responsibleTitle: '党支部书记',
    group: 4,
  },
  {
    name: '开发区生物医药研究院',
    type: 'research',
    partyOrganization: '生物医药研究院党支部',
    responsibleTitle: '党支部书记',
    group: 4,
  },
  {
    name: '开发区软件技术研发中心',
    type: 'research',
    partyOrganization: '软件研发中心党支部',
    responsibleTitle: '党支部书记',
    group: 5,
  },
  {
    name: '开发区节能环保工程技术中心',
    type: 'research',
    partyOrganization: '节能环保中心党支部',
    responsibleTitle: '党支部书记',
    group: 5,
  },
  // Last so the others keep their places: a third unit for the first group, which has to 补课.
  {
    name: '开发区纺织服装有限公司',
    type: 'enterprise',
    partyOrganization: '纺织服装公司党支部',
    responsibleTitle: '党支部书记',
    group: 0,
  },
];

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const given = [
  '建国',
  '志强',
  '秀英',
  '丽华',
  '海燕',
  '卫东',
  '红梅',
  '国庆',
  '文静',
  '明辉',
  '春生',
  '玉兰',
];

/** A few members of every category for a unit; the `seed` varies names between units. */
export function demoMembers(
  seed: number,
): { name: string; category: MemberCategory; probationary: boolean }[] {
  const plan: [MemberCategory, number][] = [
    ['leader', 2],
    ['ordinary', 5],
    ['frontline', 4],
    ['hardship', 1],
  ];
  let n = 0;
  return plan.flatMap(([category, count]) =>
    Array.from({ length: count }, () => {
      const i = seed * 7 + n++;
      return {
        name: `${surnames[i % surnames.length]}${given[(i * 5) % given.length]}`,
        category,
        probationary: category === 'ordinary' && n === 7,
      };
    }),
  );
}

/** The demo accounts, one per role, and two tellers of the first supervision group; the README lists them. */
export const demoPassword = 'Demo-2026-xjx';
export const demoAccounts = {
  office: { username: 'office', displayName: '活动领导小组办公室' },
  supervisor: { username: 'dudao1', displayName: '第一督导组 组长' },
  leader: { username: 'leader1', displayName: '精密机械有限公司 党支部书记' },
  leader2: { username: 'leader2', displayName: '电子科技股份有限公司 党委书记' },
  leader3: { username: 'leader3', displayName: '纺织服装有限公司 党支部书记' },
  teller1: { username: 'jipiao1', displayName: '第一督导组 计票人甲' },
  teller2: { username: 'jipiao2', displayName: '第一督导组 计票人乙' },
};
