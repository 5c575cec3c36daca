import { maskPersonalData } from './mask';

/**
 * 责任岗位 names a post (党支部书记, 车间主任), never a person: it is
 * published. Refused: a phone number, ID number or e-mail address, and what
 * reads as a personal name (two to four characters beginning with a common
 * surname and holding no word of a post). A heuristic, so the message says
 * what to write instead.
 */
const surnames = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  ),
);
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐'];
const postWords =
  /书记|委员|主任|主席|部长|科长|处长|局长|厅长|厂长|校长|院长|所长|站长|经理|总监|组长|班长|队长|主管|负责人|干事|专员|秘书|会计|领导|班子|办公室|党支部|党委|支部|车间|科室|工会|团委|人事|财务|后勤|教务|政工|宣传|组织|值班|中心|部|科|处|室|员|班|组|队/;

export function looksLikePersonName(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 4 || postWords.test(t)) return false;
  if (!/^[\u4e00-\u9fff]+$/.test(t)) return false;
  return surnames.has(t[0] ?? '') || compoundSurnames.some((s) => t.startsWith(s));
}

/** Why a 责任岗位 cannot be stored as typed (undefined when it can). */
export function postProblem(text: string): string | undefined {
  if (maskPersonalData(text) !== text) return '责任岗位不能含电话、证件号或邮箱';
  if (looksLikePersonName(text)) return '责任岗位请填职务（如党支部书记、车间主任），不填个人姓名';
  return undefined;
}
