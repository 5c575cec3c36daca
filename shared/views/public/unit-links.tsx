/** The unit's public pages the masses can reach from its QR link: the disclosure, the members' 党性分析 materials. */
export function UnitPublicLinks(props: {
  disclosurePath?: string | undefined;
  analysesPath?: string | undefined;
}) {
  return (
    <>
      {props.disclosurePath && (
        <p>
          <a href={props.disclosurePath}>查看本单位分析评议情况公开</a>
        </p>
      )}
      {props.analysesPath && (
        <p>
          <a href={props.analysesPath}>查看本单位党员党性分析材料公开</a>
        </p>
      )}
    </>
  );
}
