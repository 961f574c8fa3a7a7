-- The complaint classifier (DD050). Each list item gets the words citizens use for it (别名/关键词, comma separated),
-- kept by supervisors and copied into the next version with the item; the classifier learns from them as from the
-- item's name and description.
ALTER TABLE list_item ADD COLUMN keywords VARCHAR(500) NULL;

-- Every model trained, the one in service marked active. A new model replaces the active one only if it is not less
-- accurate on the held-out slice (the newest cases whose item a person chose), or when the list version changed.
CREATE TABLE classifier_model (
    version           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    trained_at        DATETIME(6)  NOT NULL,
    trained_by        VARCHAR(64)  NOT NULL,
    list_version_id   BIGINT       NOT NULL,
    examples          INT          NOT NULL,
    features          INT          NOT NULL,
    size_bytes        INT          NOT NULL,
    held_out          INT          NOT NULL,
    held_out_accuracy DECIMAL(5, 4) NULL,
    active            BOOLEAN      NOT NULL,
    note              VARCHAR(200) NULL,
    model             LONGBLOB     NOT NULL,
    INDEX ix_classifier_model_active (active, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A first set of the words people say for the items whose names they do not use.
UPDATE list_item SET keywords = '垃圾堆,垃圾没人收,垃圾桶满了,垃圾成堆' WHERE code = 'SR-01';
UPDATE list_item SET keywords = '小广告,牛皮癣,涂鸦,乱写乱画' WHERE code = 'SR-03';
UPDATE list_item SET keywords = '摆摊,流动摊贩,小贩,出摊,摊点,店外经营' WHERE code = 'SR-04';
UPDATE list_item SET keywords = '杂物堆放,地锁,地桩,占位' WHERE code = 'SR-05';
UPDATE list_item SET keywords = '招牌,广告牌松动,招牌要掉,广告牌摇晃' WHERE code = 'SR-07';
UPDATE list_item SET keywords = '违建,加盖,搭棚子,私自搭建' WHERE code = 'SR-08';
UPDATE list_item SET keywords = '厕所,公厕,臭气熏天,厕所脏' WHERE code = 'SR-10';
UPDATE list_item SET keywords = '灰尘,扬尘,尘土飞扬,工地灰大' WHERE code = 'SG-01';
UPDATE list_item SET keywords = '半夜施工,晚上施工,深夜施工,夜里打桩,施工噪音' WHERE code = 'SG-02';
UPDATE list_item SET keywords = '渣土车,泥巴,撒了一路' WHERE code = 'SG-03';
UPDATE list_item SET keywords = '缺斤少两,强买强卖,短秤' WHERE code = 'SC-02';
UPDATE list_item SET keywords = '宰客,乱收费,标价,价格' WHERE code = 'SC-03';
UPDATE list_item SET keywords = '菜市场,农贸市场' WHERE code = 'SC-04';
UPDATE list_item SET keywords = '活鸡,杀鸡,活禽,宰杀' WHERE code = 'SC-06';
UPDATE list_item SET keywords = '电梯,电梯坏了,困电梯,电梯停运' WHERE code = 'SC-08';
UPDATE list_item SET keywords = '后厨,饭店卫生,苍蝇,健康证' WHERE code = 'SY-01';
UPDATE list_item SET keywords = '拉肚子,食物中毒,上吐下泻' WHERE code = 'SY-02';
UPDATE list_item SET keywords = '抽烟,吸烟,烟味,禁烟' WHERE code = 'SY-07';
UPDATE list_item SET keywords = '老鼠,蟑螂,蚊子,苍蝇' WHERE code = 'SY-08';
UPDATE list_item SET keywords = '乞丐,讨钱,要饭' WHERE code = 'SH-01';
UPDATE list_item SET keywords = '灵棚,烧纸,放鞭炮,丧事' WHERE code = 'SH-03';
UPDATE list_item SET keywords = '盲道,无障碍' WHERE code = 'SH-04';
UPDATE list_item SET keywords = '欠薪,工资,拖欠工资,讨薪' WHERE code = 'SH-05';
UPDATE list_item SET keywords = '乱停车,停在人行道,堵消防通道,违停' WHERE code = 'JT-01';
UPDATE list_item SET keywords = '共享单车,电动车乱停,单车' WHERE code = 'JT-02';
UPDATE list_item SET keywords = '红绿灯坏了,信号灯,红绿灯不亮' WHERE code = 'JT-05';
UPDATE list_item SET keywords = '拒载,不打表,绕路,的士' WHERE code = 'JT-06';
UPDATE list_item SET keywords = '黑车,拉客,非法营运' WHERE code = 'JT-07';
UPDATE list_item SET keywords = '公交,甩站,司机' WHERE code = 'JT-09';
UPDATE list_item SET keywords = '地铁,车厢,外放' WHERE code = 'JT-10';
UPDATE list_item SET keywords = '吐痰,随地大小便,烟头' WHERE code = 'GX-01';
UPDATE list_item SET keywords = '广场舞,跳舞,音响,大妈跳舞' WHERE code = 'GX-03';
UPDATE list_item SET keywords = '狗,遛狗,狗屎,不牵绳,大型犬' WHERE code = 'GX-04';
UPDATE list_item SET keywords = '扔东西,楼上扔,抛物,往下扔' WHERE code = 'GX-05';
UPDATE list_item SET keywords = '放烟花,鞭炮,炮仗' WHERE code = 'GX-06';
UPDATE list_item SET keywords = '打架,斗殴,吵架' WHERE code = 'GX-07';
UPDATE list_item SET keywords = '消防通道,安全出口' WHERE code = 'GX-09';
UPDATE list_item SET keywords = '烧烤,烧烤摊,露天烧烤,烟熏火燎,油烟,烤串,夜宵' WHERE code = 'HJ-01';
UPDATE list_item SET keywords = '烧垃圾,焚烧,烧树叶,烧秸秆' WHERE code = 'HJ-02';
UPDATE list_item SET keywords = '噪音,喇叭,太吵,吵死了,音乐声' WHERE code = 'HJ-03';
UPDATE list_item SET keywords = '臭味,异味,废气,刺鼻' WHERE code = 'HJ-04';
UPDATE list_item SET keywords = '排污,污水,排水口' WHERE code = 'HJ-05';
UPDATE list_item SET keywords = '河水发臭,水发黑,臭水沟' WHERE code = 'HJ-06';
UPDATE list_item SET keywords = '冒黑烟,尾气' WHERE code = 'HJ-08';
UPDATE list_item SET keywords = '种菜,踩草坪,绿化带' WHERE code = 'YL-01';
UPDATE list_item SET keywords = '树倒了,大树倒,树枝断,树歪' WHERE code = 'YL-02';
UPDATE list_item SET keywords = '砍树,修剪过度' WHERE code = 'YL-04';
UPDATE list_item SET keywords = '健身器材,座椅坏了,公园' WHERE code = 'YL-05';
UPDATE list_item SET keywords = '井盖,下水道盖,窨井盖' WHERE code = 'SS-01';
UPDATE list_item SET keywords = '坑,路面塌陷,坑坑洼洼,路烂了' WHERE code = 'SS-02';
UPDATE list_item SET keywords = '积水,淹水,下雨积水' WHERE code = 'SS-03';
UPDATE list_item SET keywords = '路灯,灯不亮,黑灯瞎火' WHERE code = 'SS-04';
UPDATE list_item SET keywords = '水管爆了,漏水,停水,爆管' WHERE code = 'SS-05';
UPDATE list_item SET keywords = '燃气,煤气,天然气,漏气,燃气味' WHERE code = 'SS-06';
UPDATE list_item SET keywords = '电线,电线杆,漏电,电缆' WHERE code = 'SS-07';
UPDATE list_item SET keywords = '护栏,标线,交通标志' WHERE code = 'SS-08';
UPDATE list_item SET keywords = '楼道堆物,小区垃圾' WHERE code = 'XQ-01';
UPDATE list_item SET keywords = '物业,物业费,保安' WHERE code = 'XQ-02';
UPDATE list_item SET keywords = '电动车充电,拉线充电,楼道充电' WHERE code = 'XQ-03';
UPDATE list_item SET keywords = '水箱,自来水发黄,水质' WHERE code = 'XQ-05';
UPDATE list_item SET keywords = '办事难,窗口,政务大厅' WHERE code = 'CK-01';
UPDATE list_item SET keywords = 'KTV,酒吧,娱乐场所' WHERE code = 'CK-04';
