import { Card } from 'antd';
import { UnderConstruction } from '../../components/under-construction';

/** 注册新账号 (/physician/register, no sign-in). Placeholder; the registration flow replaces it. */
export function PhysicianRegisterPage() {
  return (
    <Card style={{ maxWidth: 880, margin: '0 auto' }}>
      <UnderConstruction title="注册新账号" />
    </Card>
  );
}
