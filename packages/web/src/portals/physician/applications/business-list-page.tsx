import { UnderConstruction } from '../../../components/under-construction';

export function BusinessListPage() {
  return <UnderConstruction title="业务申请" />;
}
