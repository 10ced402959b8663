import { Empty, Image } from 'antd';
import './application-data.css';

/** The applicant's photo as uploaded with the application (120×160), or 无照片. */
export function ApplicantPhoto({ url }: { url: string | null }) {
  return (
    <div className="app-data-photo">
      {url
        ? <Image src={url} alt="申请人照片" width={120} height={160} style={{ objectFit: 'cover' }} />
        : <Empty description="无照片" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </div>
  );
}
