/**
 * 申请人承诺 — the applicant declares that none of the 不予注册 grounds applies.
 * 《中华人民共和国医师法》第十六条 (and 《医师执业注册管理办法》第六条).
 */
export const DECLARATIONS = [
  { key: 'civilCapacity', text: '本人具有完全民事行为能力（《医师法》第十六条第一项）' },
  { key: 'noCriminalPenalty', text: '本人未受刑事处罚，或刑罚执行完毕已满二年，且未被依法禁止从事医疗卫生服务工作（第十六条第二项）' },
  { key: 'noRevocation', text: '本人未被吊销医师执业证书，或被吊销已满二年（第十六条第三项）' },
  { key: 'noAssessmentCancellation', text: '本人未因医师定期考核不合格被注销注册，或被注销已满一年（第十六条第四项）' },
  { key: 'noOtherBar', text: '本人不存在法律、行政法规规定不得从事医疗卫生服务的其他情形（第十六条第五项）' },
  { key: 'truthful', text: '本人承诺所填信息及所附材料真实、准确、完整，如有虚假愿承担相应法律责任' },
] as const;

export type DeclarationKey = (typeof DECLARATIONS)[number]['key'];
export const DECLARATION_KEYS = DECLARATIONS.map((d) => d.key) as [DeclarationKey, ...DeclarationKey[]];
