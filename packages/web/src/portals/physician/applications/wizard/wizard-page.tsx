import { UnderConstruction } from '../../../../components/under-construction';

export function FirstRegistrationWizardPage() {
  return <UnderConstruction title="首次注册" />;
}
