/**
 * One Apache ECharts chart (echarts 6, only the parts medreg draws: bars, lines, pies) that follows its box's width.
 * A chart is a picture for sighted readers: it carries role="img" and a Chinese summary, and every chart in medreg
 * has its figures in a table beside it (ChartCard).
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** medreg's palette: antd's blue, green, red, gold, cyan, purple. */
const COLORS = ['#1677ff', '#52c41a', '#ff4d4f', '#faad14', '#13c2c2', '#722ed1'];

export function EChart({ option, label, height = 280 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: COLORS, textStyle: { fontFamily: 'inherit' }, animation: false, ...option }, true);
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
