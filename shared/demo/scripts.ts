import type { MeasureState } from '../domain/rectification';
import type { ProblemArea } from '../domain/report';
import type { Satisfaction } from '../domain/review';

/**
 * What happens in a demo unit that has come through 分析评议 into 整改提高:
 * what the masses said, the problems it was merged into, the measures with
 * their progress, and how the masses rated the rectification.
 */
export interface DemoScript {
  /** [respondent, problem keys of the opinion form, text] */
  sayings: [string | undefined, string[], string][];
  problems: { key: string; title: string; area: ProblemArea }[];
  measures: {
    problem: string;
    action: string;
    post: string;
    /** Days from the seeding day; negative is past. */
    deadline: number;
    progress?: { note: string; state: MeasureState };
  }[];
  /** The evaluation's ballots: [how many, overall answer, answer for every measure]. */
  evaluation: [number, Satisfaction, Satisfaction][];
}

/** The second unit: a full run whose masses are satisfied (满意率 above the threshold). */
export const satisfiedUnit: DemoScript = {
  sayings: [
    ['mass', ['discipline'], '上班时间有人玩手机、迟到早退，群众看在眼里'],
    ['mass', ['discipline'], '车间纪律松，党员没带头'],
    ['member', ['discipline'], '个别党员组织生活会不参加'],
    ['mass', ['discipline'], '劳动纪律执行不严，奖惩不落实'],
    ['mass', ['discipline'], '党员迟到早退和一般职工一样'],
    ['mass', ['partyAwareness'], '有的党员不亮身份，看不出是党员'],
    ['member', ['partyAwareness'], '党员意识淡薄，把自己混同于普通群众'],
    ['mass', ['partyAwareness'], '党员在困难面前没有冲在前面'],
    ['mass', ['partyAwareness'], '希望党员挂牌上岗，接受群众监督'],
    ['mass', ['partyAwareness'], '党员先锋作用不明显'],
    [undefined, ['workSkills'], '新产品线技术培训跟不上'],
    ['mass', ['workSkills'], '希望多组织技能比武'],
  ],
  problems: [
    { key: 'discipline', title: '部分党员组织纪律松弛，上班迟到早退', area: 'ordinary' },
    { key: 'partyAwareness', title: '党员身份意识不强，先锋作用不明显', area: 'frontline' },
    { key: 'workSkills', title: '新产品线技能培训跟不上', area: 'unitWork' },
  ],
  measures: [
    {
      problem: 'discipline',
      action: '修订考勤管理制度，每月在车间公示党员出勤情况',
      post: '党支部书记',
      deadline: 30,
      progress: { note: '考勤制度修订稿已征求职工意见', state: 'underway' },
    },
    {
      problem: 'discipline',
      action: '支部委员与迟到较多的党员逐一谈心谈话',
      post: '党支部组织委员',
      deadline: -3,
      progress: { note: '已谈话6人，还有2人未谈', state: 'underway' },
    },
    {
      problem: 'partyAwareness',
      action: '在生产一线设立党员先锋岗并挂牌',
      post: '车间主任',
      deadline: 14,
      progress: { note: '8个党员先锋岗已挂牌', state: 'done' },
    },
  ],
  // 20 mass representatives: 满意 9, 基本满意 6, 不满意 3, 不了解 2 → 15 of 18, 83.3%.
  evaluation: [
    [9, 'satisfied', 'satisfied'],
    [6, 'basicallySatisfied', 'basicallySatisfied'],
    [3, 'dissatisfied', 'dissatisfied'],
    [2, 'unknown', 'unknown'],
  ],
};

/** The first group's third unit: its masses are not satisfied, so it must 补课. */
export const remedialUnit: DemoScript = {
  sayings: [
    ['mass', ['statusView'], '办事要跑好几趟，窗口态度生硬'],
    ['mass', ['statusView'], '职工反映的问题没人答复'],
    ['mass', ['statusView'], '领导很少到车间听意见'],
    ['member', ['statusView'], '支部和职工之间沟通少'],
    ['mass', ['statusView'], '合理化建议交上去就没有下文'],
    ['mass', ['dedication'], '车间安全隐患整改拖拉'],
    ['mass', ['dedication'], '安全培训走过场'],
  ],
  problems: [
    { key: 'statusView', title: '联系服务职工群众不够，反映的问题答复不及时', area: 'leader' },
    { key: 'dedication', title: '安全隐患整改拖拉，培训流于形式', area: 'unitWork' },
  ],
  measures: [
    {
      problem: 'statusView',
      action: '建立职工诉求台账，十个工作日内答复',
      post: '党支部书记',
      deadline: 20,
      progress: { note: '台账已建立，尚未公示答复情况', state: 'underway' },
    },
    {
      problem: 'dedication',
      action: '逐项整改车间安全隐患并张榜公布',
      post: '安全科科长',
      deadline: -10,
    },
  ],
  // 12 answers: 满意 3, 基本满意 2, 不满意 6, 不了解 1 → 5 of 11, 45.5%: below 60%.
  evaluation: [
    [3, 'satisfied', 'basicallySatisfied'],
    [2, 'basicallySatisfied', 'dissatisfied'],
    [6, 'dissatisfied', 'dissatisfied'],
    [1, 'unknown', 'unknown'],
  ],
};
