import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

export interface Captcha {
  id: string;
  /** SVG markup. */
  svg: string;
  /** Present only when the server runs with MEDREG_TEST_CAPTCHA (never in production). */
  testAnswer?: string;
}

/**
 * A fresh image captcha (`GET /api/v1/captcha`). Captchas are single use: call `refresh()` after
 * every submission, successful or not. `scope` keeps two forms on one page from sharing one.
 */
export function useCaptcha(scope = 'default') {
  const query = useQuery({
    queryKey: ['captcha', scope],
    queryFn: () => api.get<Captcha>('/api/v1/captcha'),
    staleTime: 4 * 60 * 1000, // the server keeps a captcha for 5 minutes
    refetchInterval: 4 * 60 * 1000,
    refetchOnWindowFocus: false,
    gcTime: 0,
    retry: 1,
  });
  return {
    captcha: query.data,
    isLoading: query.isFetching,
    error: query.error,
    refresh: () => void query.refetch(),
  };
}

export function captchaImageSrc(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
