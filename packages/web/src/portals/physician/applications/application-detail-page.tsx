import { UnderConstruction } from '../../../components/under-construction';

export function ApplicationDetailPage() {
  return <UnderConstruction title="业务详情" />;
}
