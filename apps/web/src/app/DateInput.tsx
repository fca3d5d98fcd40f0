import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'picker'> & {
  value?: string | null;
  onChange?: (value: string) => void;
};

/**
 * The one date field of the app (issue 10 item 14): Ant Design's picker in the page's language,
 * always YYYY-MM-DD, typed or picked. Forms keep dates as 'YYYY-MM-DD' strings (what the API
 * takes), '' when cleared, so a form's submit code is the same as for a text field.
 */
export function DateInput({ value, onChange, style, ...rest }: Props) {
  const parsed = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return (
    <DatePicker
      {...rest}
      format={FORMAT}
      value={parsed?.isValid() ? parsed : null}
      // One date (never `multiple`): the picker's value is a single Dayjs or null.
      onChange={(d) => onChange?.(d && !Array.isArray(d) ? d.format(FORMAT) : '')}
      style={{ width: '100%', ...style }}
      placeholder={FORMAT}
    />
  );
}
