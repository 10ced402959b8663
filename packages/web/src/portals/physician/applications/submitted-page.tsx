import { UnderConstruction } from '../../../components/under-construction';

export function SubmittedPage() {
  return <UnderConstruction title="提交成功" />;
}
