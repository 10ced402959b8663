import { UnderConstruction } from '../../../components/under-construction';

export function ProgressListPage() {
  return <UnderConstruction title="业务进度" />;
}
