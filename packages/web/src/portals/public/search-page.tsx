import { UnderConstruction } from '../../components/under-construction';

/** 医师执业注册信息查询 (/public/search, no sign-in). Placeholder; the public register replaces it. */
export function PublicSearchPage() {
  return <UnderConstruction title="医师执业注册信息查询" />;
}
