/**
 * @module Mounts an ECharts chart in a container once its code has loaded, keeps it in step with its option and the
 * container's width, and disposes of it. The chart's code is loaded on first use, so pages without charts skip it.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export interface ChartHandle {
  update(option: EChartsCoreOption): void;
  resize(): void;
  dispose(): void;
}

export type MountChart = (container: HTMLElement, option: EChartsCoreOption) => ChartHandle;

/** Returns the container's ref and whether the chart could not be loaded (the table beside it still has the numbers). */
export function useChart(
  load: () => Promise<MountChart>,
  option: EChartsCoreOption,
  onWidth?: (width: number) => void,
) {
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<ChartHandle | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(option);
  latest.current = option;
  const widthListener = useRef(onWidth);
  widthListener.current = onWidth;

  // biome-ignore lint/correctness/useExhaustiveDependencies: mounted once; the option follows in the effect below.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    const observer = new ResizeObserver(() => {
      widthListener.current?.(element.clientWidth);
      handle.current?.resize();
    });
    observer.observe(element);
    widthListener.current?.(element.clientWidth);
    load()
      .then((mount) => {
        if (!cancelled) handle.current = mount(element, latest.current);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      observer.disconnect();
      handle.current?.dispose();
      handle.current = null;
    };
  }, []);

  useEffect(() => {
    handle.current?.update(option);
  }, [option]);

  return { container, failed };
}
