/**
 * 批量导入医疗机构: download the template → choose the file → 检查 (every problem, nothing written) → 导入 (all or
 * nothing) → download the new administrators' one-time passwords. The workbook comes once, in the import's
 * answer; it lives only in this dialog's memory and is gone when the dialog closes.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { INSTITUTION_IMPORT_COLUMNS, INSTITUTION_IMPORT_HEADER, INSTITUTION_IMPORT_MAX_ROWS } from '@medreg/domain';
import { isApiError } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { importTemplateUrl, useInstitutionImport, type ImportRowError } from './institution-registry-api';

const CREDENTIALS_FILE = '医疗机构管理员初始账户.xlsx';

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function RowErrorsTable({ errors, more }: { errors: ImportRowError[]; more: number }) {
  return (
    <>
      {/* No horizontal scroll (a scrolled region would need keyboard focus): the reasons wrap at 390 px. */}
      <Table<ImportRowError> size="small" rowKey={(e) => `${e.row}-${e.field}-${e.message}`} dataSource={errors} aria-label="导入文件的错误"
        pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[{ title: '行号', dataIndex: 'row', width: 60 }, { title: '列', dataIndex: 'field', width: 120 }, { title: '原因', dataIndex: 'message' }]} />
      {more > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>另有 {more} 处错误未列出，请先更正以上各行后再检查。</Typography.Paragraph>}
    </>
  );
}

export function InstitutionImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const { check, run } = useInstitutionImport();
  const done = run.data;
  const refused = isApiError(run.error) ? run.error.problem : isApiError(check.error) ? check.error.problem : undefined;
  const refusedRows = (refused?.rowErrors as ImportRowError[] | undefined) ?? [];
  const checked = check.data;

  const choose = (f: File) => {
    setFile(f);
    check.reset();
    run.reset();
    return false;
  };

  return (
    <Modal open rootClassName="staff-contrast" width={880} title="批量导入医疗机构" maskClosable={false} onCancel={onClose}
      footer={<Button onClick={onClose}>{done ? '我已下载，关闭' : '关闭'}</Button>}>
      {!done && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            CSV 或 Excel（.xlsx）文件，第 1 行为表头：{INSTITUTION_IMPORT_HEADER.join('、')}；每文件最多 {INSTITUTION_IMPORT_MAX_ROWS} 家机构。
            科室以「、」分隔（如「{INSTITUTION_IMPORT_COLUMNS.departments.example}」），所在地区代码为区县级行政区划代码（GB/T 2260，如 {INSTITUTION_IMPORT_COLUMNS.areaCode.example}），
            审批机关填写卫生健康行政部门全称，基层医疗卫生机构填「是」或「否」。
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>
            每一行按「新增医疗机构」的同样规则检查（同一地区名称不能重复，所在地区须在本部门辖区内）。<Typography.Text strong>任何一行有误时不导入任何机构</Typography.Text>，
            请按错误列表更正后重新导入。导入成功后为每家机构创建机构管理员账户，其一次性初始密码只在导入完成时提供一次下载。
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} href={importTemplateUrl('xlsx')} download>下载模板（Excel）</Button>
            <Button icon={<DownloadOutlined />} href={importTemplateUrl('csv')} download>下载模板（CSV）</Button>
          </Flex>
          <Flex gap={8} wrap align="center">
            <Upload accept=".csv,.xlsx" maxCount={1} showUploadList={false} beforeUpload={choose}>
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
            <Typography.Text data-testid="import-file-name">{file ? `已选择：${file.name}` : '尚未选择文件'}</Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            <Button disabled={!file} loading={check.isPending} onClick={() => file && check.mutate(file)}>检查</Button>
            <Button type="primary" disabled={!file || (checked !== undefined && !checked.valid)} loading={run.isPending} onClick={() => file && run.mutate(file)}>导入</Button>
          </Flex>
          {checked?.valid && (
            <Alert type="success" showIcon title={`检查通过：共 ${checked.rowCount} 家医疗机构，没有发现错误，可以导入。`} />
          )}
          {checked && !checked.valid && (
            <>
              <Alert type="warning" showIcon title={`检查发现 ${checked.errorRows} 行需要更正（共 ${checked.rowErrors.length + checked.moreErrors} 处），请更正后重新选择文件。`} />
              <RowErrorsTable errors={checked.rowErrors} more={checked.moreErrors} />
            </>
          )}
          {refused && <ProblemAlert error={run.error ?? check.error} />}
          {refusedRows.length > 0 && <RowErrorsTable errors={refusedRows} more={Number(refused?.moreErrors ?? 0)} />}
        </Space>
      )}
      {done && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`已导入 ${done.imported} 家医疗机构，并为每家创建了机构管理员账户`} />
          <Alert type="warning" showIcon title="初始账户文件只提供这一次"
            description="文件中有各机构管理员的登录名和一次性初始密码，服务器不保存明文，关闭本窗口后无法再次下载。请妥善保存并通过安全渠道交付；管理员首次登录后须修改密码。" />
          <div>
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => saveBlob(done.credentials, CREDENTIALS_FILE)}>下载初始账户（Excel）</Button>
          </div>
        </Space>
      )}
    </Modal>
  );
}
