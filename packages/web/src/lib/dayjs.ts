/** dayjs configured once for the app: Chinese locale, times shown in China Standard Time. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Every date and time in the system is shown in Beijing time, whatever the browser's zone. */
export const APP_TIME_ZONE = 'Asia/Shanghai';

export { dayjs };
