/** What each kind of legal source means for a reader, strongest first. */
export const KIND_EXPLAINED: { kind: string; force: string }[] = [
  { kind: '法律', force: '全国人民代表大会及其常委会制定，对所有人都有约束力。' },
  { kind: '行政法规', force: '国务院制定，效力仅次于法律，对所有人都有约束力。' },
  { kind: '部门规章', force: '国家金融监督管理总局、中国人民银行等部门制定，约束它们监管的机构。' },
  { kind: '规范性文件', force: '监管部门的通知、意见等，指导和约束被监管机构的具体做法。' },
  { kind: '司法解释', force: '最高人民法院、最高人民检察院等对法律怎么适用作出的解释或意见，法院和检察院办案时依照执行。' },
  { kind: '国家标准', force: '推荐性国家标准（GB/T），本身不强制执行，但常被监管和行业当作做事的尺子。' },
  { kind: '行业自律', force: '行业协会的公约和指引，靠自律约束会员机构，不是法律，但违反会受到协会处理，监管也会参考。' },
];

export const STATUS_LABELS: Record<string, string> = {
  'in-force': '现行有效',
  revised: '已被修订（旧文本）',
  repealed: '已废止',
};

export const VERIFICATION_LABELS: Record<string, string> = {
  verified: '已核对原文',
  reported: '据公开报道，未核对原文',
};
