-- Drives `citelint server` from a real Neovim (0.7+; uses vim.lsp.start_client, which 0.7 has).
-- Environment: CITELINT_BIN, FIXTURE, EXPECTED (the CLI's --format json for FIXTURE), ENCODING
-- (utf-16: Neovim's default; utf-8: offered through general.positionEncodings).
-- Exits 0 when everything matches, 1 on a mismatch, 2 on a script error.

local bin = assert(os.getenv('CITELINT_BIN'), 'CITELINT_BIN')
local fixture = assert(os.getenv('FIXTURE'), 'FIXTURE')
local expected_path = assert(os.getenv('EXPECTED'), 'EXPECTED')
local want_enc = os.getenv('ENCODING') or 'utf-16'

local function say(msg)
  io.stderr:write('[nvim ' .. want_enc .. '] ' .. msg .. '\n')
end

local failures = 0
local function check(cond, msg)
  if not cond then
    failures = failures + 1
    say('MISMATCH: ' .. msg)
  end
  return cond
end

local function key(d)
  return string.format('%s@%d:%d', d.rule, d.lnum, d.col)
end

local function main()
  local f = assert(io.open(expected_path, 'r'))
  local expected = vim.json.decode(f:read('*a'))
  f:close()

  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  local buf = vim.api.nvim_get_current_buf()
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local on_disk = table.concat(lines, '\n')

  local caps = vim.lsp.protocol.make_client_capabilities()
  if want_enc == 'utf-8' then
    caps.general = { positionEncodings = { 'utf-8', 'utf-16' } }
  end
  local id = vim.lsp.start_client({
    name = 'citelint',
    cmd = { bin, 'server' },
    root_dir = vim.fn.fnamemodify(fixture, ':p:h'),
    capabilities = caps,
    on_init = function(client, result)
      -- Neovim before 0.9 does not read the negotiated encoding itself
      local enc = result.capabilities and result.capabilities.positionEncoding
      if enc then
        client.offset_encoding = enc
      end
    end,
  })
  assert(id, 'start_client failed')
  assert(vim.lsp.buf_attach_client(buf, id), 'buf_attach_client failed')

  local got_any = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  if not check(got_any, 'no diagnostics within 20 s') then
    return
  end
  local client = vim.lsp.get_client_by_id(id)
  check(client.offset_encoding == want_enc,
    'negotiated encoding ' .. tostring(client.offset_encoding) .. ', wanted ' .. want_enc)

  -- 1. the editor holds what the CLI reports: same rules, same start lines and columns
  local want = {}
  for _, d in ipairs(expected.diagnostics) do
    local line = lines[d.start.line] or ''
    -- the CLI counts columns in characters; Neovim holds byte columns
    local col = vim.str_byteindex(line, d.start.column - 1)
    table.insert(want, key({ rule = d.rule, lnum = d.start.line - 1, col = col }))
  end
  local have = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    check(d.source == 'citelint', 'source is ' .. tostring(d.source))
    table.insert(have, key({ rule = d.code, lnum = d.lnum, col = d.col }))
  end
  table.sort(want)
  table.sort(have)
  check(#want > 0, 'the fixture should have findings')
  check(vim.deep_equal(want, have),
    'editor diagnostics differ from the CLI\n  cli:    ' .. table.concat(want, ' ')
    .. '\n  editor: ' .. table.concat(have, ' '))
  say('diagnostics match the CLI: ' .. #have)

  -- 2. hover on a citation marker shows the reference it resolves to
  local row, col
  for i, l in ipairs(lines) do
    local s = l:find('[1]', 1, true)
    if s and not l:match('^%d+%.') then
      row, col = i - 1, s -- on the `1`, a byte column
      break
    end
  end
  local character = col
  if want_enc == 'utf-16' then
    local _, u16 = vim.str_utfindex(lines[row + 1], col)
    character = u16
  end
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = row, character = character },
  }, 5000)
  local text = ''
  for _, r in pairs(hover or {}) do
    if r.result then
      text = r.result.contents.value
    end
  end
  check(text:find('Bischoff', 1, true), 'hover on [1] shows the reference: got ' .. vim.inspect(text))

  -- 3. an edit that removes a reference entry, not saved: a new unresolved-citation
  local function count(rule)
    local n = 0
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == rule then
        n = n + 1
      end
    end
    return n
  end
  local before = count('unresolved-citation')
  for i, l in ipairs(lines) do
    if l:match('^2%. ') then
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, {})
      break
    end
  end
  local appeared = vim.wait(20000, function()
    return count('unresolved-citation') > before
  end, 20)
  check(appeared, 'no new unresolved-citation after deleting reference 2 (had ' .. before .. ')')
  check(vim.bo[buf].modified, 'the buffer should be unsaved')
  local disk = table.concat(vim.fn.readfile(fixture), '\n')
  check(disk == on_disk, 'the file on disk changed')
  say('unresolved-citation after the edit: ' .. before .. ' -> ' .. count('unresolved-citation'))

  -- 4. the code action "Disable RULE for this line" silences the finding
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'uncited-claim' then
      target = d
      break
    end
  end
  if check(target, 'an uncited-claim to suppress') then
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = {
        start = { line = target.lnum, character = 0 },
        ['end'] = { line = target.lnum, character = 0 },
      },
      context = { diagnostics = {} },
    }, 5000)
    local action
    for _, r in pairs(resp or {}) do
      for _, a in ipairs(r.result or {}) do
        if a.title == 'Disable uncited-claim for this line' then
          action = a
        end
      end
    end
    if check(action, 'code action "Disable uncited-claim for this line"') then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      local inserted = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
      check(inserted:find('<!-- citelint-disable-next-line uncited-claim', 1, true),
        'inserted line: ' .. tostring(inserted))
      local gone = vim.wait(20000, function()
        return count('uncited-claim') == 0
      end, 20)
      check(gone, 'uncited-claim still shown after the suppression')
    end
  end

  -- 5. the quick fix "Fix citation-order" renumbers markers and list (multi-byte text around
  -- them: the edit's positions are in the negotiated encoding)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, {
    '# Café 😀 and sleep',
    '',
    'Coffee 😀 delays sleep onset [2]. Décaf does not [1].',
    '',
    '## References',
    '',
    '1. Décaf trial. 2019.',
    '2. Café study 😀. 2020.',
  })
  local shown = vim.wait(20000, function()
    return count('citation-order') > 0
  end, 20)
  if check(shown, 'no citation-order on the out-of-order article') then
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = 2, character = 0 }, ['end'] = { line = 2, character = 0 } },
      context = { diagnostics = {} },
    }, 5000)
    local action
    for _, r in pairs(resp or {}) do
      for _, a in ipairs(r.result or {}) do
        if a.title:find('Fix citation-order', 1, true) then
          action = a
        end
      end
    end
    if check(action, 'code action "Fix citation-order"') then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      local now = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      check(now[3] == 'Coffee 😀 delays sleep onset [1]. Décaf does not [2].', 'line 3: ' .. now[3])
      check(now[7] == '1. Café study 😀. 2020.' and now[8] == '2. Décaf trial. 2019.',
        'the list: ' .. tostring(now[7]) .. ' / ' .. tostring(now[8]))
      local fixed = vim.wait(20000, function()
        return count('citation-order') == 0
      end, 20)
      check(fixed, 'citation-order still shown after the fix')
      say('quick fix renumbered the article')
    end
  end
end

local ok, err = pcall(main)
if not ok then
  say('ERROR: ' .. tostring(err))
  vim.cmd('cquit 2')
elseif failures > 0 then
  say(failures .. ' mismatch(es)')
  vim.cmd('cquit 1')
else
  say('ok')
  vim.cmd('qa!')
end
