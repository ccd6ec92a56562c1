/** Messages about the files the command line writes and the settings file it reads (src/cli). */
export const files: Record<string, { vi: string; en: string }> = {
  'output.renamed': {
    vi: 'Tệp ra {requested} trùng với tệp đầu vào {input}: không ghi đè, đã ghi vào {written}',
    en: 'The output {requested} is the input {input}: not overwritten, wrote {written} instead',
  },
  'output.clash_no_name': {
    vi: 'Không tìm được tên trống cho tệp ra {path} (trùng tệp đầu vào); hãy chọn --out khác',
    en: 'No free name for the output {path} (it is an input); choose another --out',
  },
  'output.not_a_folder': {
    vi: 'Không ghi được vào {path}: đã có một tệp trùng tên ở chỗ cần một thư mục; hãy chọn --out khác',
    en: 'Cannot write to {path}: a file of that name is where a folder is needed; choose another --out',
  },
  'output.is_a_folder': {
    vi: 'Không ghi được tệp {path}: đó là một thư mục; hãy chọn tên tệp khác cho --out',
    en: 'Cannot write the file {path}: it is a folder; choose another file name for --out',
  },
  'output.special': {
    vi: 'Không ghi được vào {path}: đó không phải tệp thường (thiết bị, ống dẫn…); hãy chọn --out khác',
    en: 'Cannot write to {path}: it is not a regular file (a device, a pipe…); choose another --out',
  },
  'output.no_permission': {
    vi: 'Không có quyền ghi vào {path}; hãy chọn thư mục khác cho --out hoặc kiểm tra quyền truy cập',
    en: 'No permission to write to {path}; choose another folder for --out or check its permissions',
  },
  'output.disk_full': {
    vi: 'Không ghi được {path}: ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi thử lại',
    en: 'Cannot write {path}: the disk is full; free some space and try again',
  },
  'output.bad_name': {
    vi: 'Không ghi được {path}: tên tệp hoặc đường dẫn không hợp lệ (quá dài hoặc có ký tự cấm); hãy chọn --out khác',
    en: 'Cannot write {path}: the file name or path is not valid (too long or with forbidden characters); choose another --out',
  },
  'output.failed': {
    vi: 'Không ghi được {path}; hãy chọn thư mục khác cho --out rồi thử lại',
    en: 'Cannot write {path}; choose another folder for --out and try again',
  },
  'output.truncated': {
    vi: 'Trong {file}, {n} ô có văn bản dài hơn giới hạn 32.767 ký tự của Excel đã được cắt bớt (ô đầu: {cell})',
    en: 'In {file}, {n} cell(s) with text longer than Excel\'s 32.767-character limit were truncated (first: {cell})',
  },
  'cli.unexpected': {
    vi: 'Lỗi không mong đợi trong Báo cáo GD ({kind}); các tệp đầu vào không bị thay đổi. Hãy báo lỗi kèm lệnh đã chạy',
    en: 'Unexpected error in Báo cáo GD ({kind}); the input files were not changed. Please report it with the command you ran',
  },
  'walk.skipped_link': {
    vi: 'Bỏ qua {path}: liên kết tắt (symlink) trỏ tới chỗ không tồn tại',
    en: 'Skipped {path}: a symbolic link to nothing',
  },
  'walk.skipped_loop': {
    vi: 'Bỏ qua {path}: thư mục đã được duyệt (liên kết vòng)',
    en: 'Skipped {path}: a folder already walked (a link loop)',
  },
  'walk.skipped_unreadable': {
    vi: 'Bỏ qua thư mục {path}: không đọc được (không có quyền)',
    en: 'Skipped the folder {path}: it cannot be read (no permission)',
  },
  'settings.cannot_read': {
    vi: 'Không đọc được tệp cài đặt {file}: {reason}',
    en: 'Cannot read the settings file {file}: {reason}',
  },
  'settings.not_json': { vi: 'không phải JSON hợp lệ', en: 'not valid JSON' },
  'settings.not_object': { vi: 'nội dung phải là một đối tượng JSON {…}', en: 'the content must be a JSON object {…}' },
  'settings.bad_key': {
    vi: 'Tệp cài đặt {file} không hợp lệ: "{key}" {problem}',
    en: 'The settings file {file} is not valid: "{key}" {problem}',
  },
  'settings.unknown_key': { vi: 'không phải khóa cài đặt nào (các khóa: {keys})', en: 'is not a setting (settings: {keys})' },
  'settings.want_int': { vi: 'phải là số nguyên từ {min} đến {max} (đang là {value})', en: 'must be a whole number from {min} to {max} (it is {value})' },
  'settings.want_number': { vi: 'phải là số từ {min} đến {max} (đang là {value})', en: 'must be a number from {min} to {max} (it is {value})' },
  'settings.want_bool': { vi: 'phải là true hoặc false (đang là {value})', en: 'must be true or false (it is {value})' },
  'settings.want_one_of': { vi: 'phải là một trong: {values} (đang là {value})', en: 'must be one of: {values} (it is {value})' },
  'settings.want_object': { vi: 'phải là một đối tượng {…} (đang là {value})', en: 'must be an object {…} (it is {value})' },
  'settings.want_list': { vi: 'phải là một danh sách […] (đang là {value})', en: 'must be a list […] (it is {value})' },
  'settings.want_text': { vi: 'phải là chuỗi ký tự (đang là {value})', en: 'must be text (it is {value})' },
  'settings.want_year': { vi: 'phải là năm học dạng "2024-2025" (đang là {value})', en: 'must be a school year like "2024-2025" (it is {value})' },
};
