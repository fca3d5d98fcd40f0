import type { FieldCode } from '@corridor/contracts';

/**
 * Vocabulary of the demo achievements and demands: fictional but realistic technical phrases
 * of the eight high-tech fields. Lists are space-separated strings to keep this file short.
 * Order matters: the generator draws with Zipf-like weights, so the first items of a list are
 * common and the last ones rare (real catalogues look like that, and the search bench needs
 * rare, common and very common terms).
 */
const words = (s: string) => s.split(/\s+/).filter(Boolean);

export interface FieldWords {
  objects: string[];
  processes: string[];
  applications: string[];
  demandNeeds: string[];
}

export const FIELD_WORDS: Record<FieldCode, FieldWords> = {
  electronicInformation: {
    objects: words(`半导体激光器芯片 光纤预制棒 硅光调制器 光模块 碳化硅功率器件 MEMS传感器 显示面板
      射频前端芯片 光通信器件 集成电路封装基板 红外探测器 工业控制软件 边缘计算网关 存储芯片
      氮化镓外延片 光电探测器 量子点显示材料 毫米波雷达 光纤陀螺 激光雷达 智能终端 光纤光栅
      车规级芯片 微型LED 高速光开关 光子集成芯片 太赫兹器件 声表面波滤波器 相干光模块`),
    processes: words(`外延生长 缺陷检测 封装测试 可靠性评估 设计优化 晶圆键合 老化筛选 光刻工艺
      热管理 低功耗设计 信号处理 故障诊断 在线标定 良率提升`),
    applications: words(`光通信 数据中心 消费电子 工业加工 智能网联汽车 5G基站 医疗美容 安防监控
      航空电子 智慧城市`),
    demandNeeds: words(`国产化替代 良率提升 功耗降低 散热改善 测试效率提升 成本下降 可靠性提升`),
  },
  biomedicine: {
    objects: words(`单克隆抗体 mRNA疫苗 医用导管 体外诊断试剂 基因检测芯片 细胞治疗产品 中药配方颗粒
      医用敷料 人工关节 生物可吸收支架 微流控芯片 重组蛋白 核酸检测试剂盒 药物缓释微球
      医学影像设备 病原体快速检测卡 干细胞培养基 骨科植入物 口腔种植体 生物酶制剂 益生菌制剂
      靶向给药纳米粒 眼科人工晶体 血液透析器 多肽药物 抗肿瘤小分子药物`),
    processes: words(`纯化 高效表达 质量控制 稳定性研究 制剂工艺 快速检测 规模化制备 冻干工艺
      临床前评价 筛选平台 无菌灌装 发酵工艺`),
    applications: words(`临床诊断 肿瘤治疗 慢病管理 基层医疗 疫病防控 健康体检 康复医疗 畜牧兽医
      医疗器械 生物制药`),
    demandNeeds: words(
      `临床转化 注册申报 工艺放大 检测灵敏度提升 原料国产化 成本控制 质量标准提升`,
    ),
  },
  aerospace: {
    objects:
      words(`无人机飞控系统 航空发动机叶片 卫星导航接收机 复合材料机身 机载光电吊舱 航空铝合金构件
      北斗定位终端 无人机集群 机场地面设备 航空货运集装器 遥感卫星载荷 飞行模拟器 航空润滑油
      直升机旋翼 适航检测设备 机载电源 航空座椅 高超声速热防护材料 卫星天线 航空轮胎`),
    processes: words(`精密成型 无损检测 轻量化设计 寿命预测 适航验证 协同控制 热防护 健康监测
      气动优化 装配工艺`),
    applications: words(
      `航空物流 通用航空 应急救援 遥感测绘 低空经济 卫星互联网 国防军工 民航运输`,
    ),
    demandNeeds: words(`减重 适航取证 可靠性提升 国产化替代 续航提升 维护成本降低`),
  },
  newMaterials: {
    objects:
      words(`碳纤维复合材料 石墨烯导热膜 高温合金 钙钛矿薄膜 特种陶瓷 高性能聚酰亚胺 锂电池隔膜
      稀土永磁材料 光学玻璃 超高分子量聚乙烯 生物基可降解塑料 纳米涂层 高纯石英砂 液态金属
      气凝胶隔热材料 铜箔 磷酸铁锂正极材料 硅碳负极材料 特种橡胶 光刻胶 电子特气 高强钢`),
    processes: words(`制备 表面改性 连续化生产 性能表征 烧结工艺 涂布工艺 回收利用 掺杂改性
      低温合成 增韧改性 成膜工艺 热处理`),
    applications: words(
      `新能源汽车 储能 消费电子 航空航天 建筑节能 电子封装 医疗器械 轨道交通 海洋工程`,
    ),
    demandNeeds: words(`性能提升 成本降低 国产化替代 批次稳定性 环保达标 产能扩大`),
  },
  highTechServices: {
    objects: words(`工业互联网平台 科技成果评价系统 知识产权运营平台 检验检测服务平台 供应链金融系统
      智慧园区管理平台 企业数字化转型方案 技术转移服务系统 数据安全治理平台 研发设计云平台
      创新券管理系统 共享仪器预约平台 碳排放核算系统 智能客服系统 科技金融风控模型 数字孪生工厂`),
    processes: words(`数据治理 智能匹配 风险评估 流程优化 可视化分析 精准画像 隐私计算 智能推荐
      协同管理 自动化运维`),
    applications: words(
      `科技服务 智能制造 政务服务 金融服务 园区管理 检验检测 知识产权 中小企业服务`,
    ),
    demandNeeds: words(`效率提升 数据打通 安全合规 成本降低 服务覆盖扩大 决策支持`),
  },
  newEnergy: {
    objects: words(`钙钛矿太阳能电池 氢燃料电池电堆 固态电池 储能变流器 光伏组件 动力电池管理系统
      风电齿轮箱 电解水制氢装置 锂电池极片 余热回收系统 充电桩 钠离子电池 储氢罐 热泵机组
      智能微电网 光伏逆变器 生物质气化炉 高效电机 液流电池 超级电容器`),
    processes: words(`能量管理 寿命预测 热失控预警 高效转换 梯次利用 快速充电 缺陷检测 均衡控制
      系统集成 并网控制 节能改造 回收利用`),
    applications: words(
      `新能源汽车 储能电站 分布式光伏 工业节能 建筑节能 数据中心 轨道交通 港口岸电`,
    ),
    demandNeeds: words(`能耗降低 转换效率提升 安全性提升 成本下降 寿命延长 快充能力`),
  },
  resourcesEnvironment: {
    objects:
      words(`工业废水处理装置 土壤修复药剂 固废资源化系统 VOCs治理设备 污泥干化设备 水质在线监测仪
      磷石膏综合利用 尾矿资源化 餐厨垃圾处理设备 大气颗粒物监测系统 河湖生态修复 膜分离装置
      脱硫脱硝催化剂 矿山生态修复 农村污水处理设备 重金属吸附材料 碳捕集装置 噪声监测系统`),
    processes: words(`深度处理 资源化利用 在线监测 生态修复 污染溯源 低碳改造 无害化处置 智能预警
      协同处置 减量化处理`),
    applications: words(
      `工业园区 城镇污水 矿山治理 长江大保护 农业面源污染 化工行业 冶金行业 环境监管`,
    ),
    demandNeeds: words(`达标排放 处理成本降低 资源回收率提升 监测精度提升 运维简化`),
  },
  advancedManufacturing: {
    objects: words(`工业机器人 数控机床主轴 精密减速器 激光焊接装备 智能产线 伺服电机 3D打印设备
      智能仓储系统 视觉检测设备 液压系统 工业传感器 协作机器人 轴承 注塑模具 自动导引车
      激光切割机 焊接机器人 齿轮传动系统 智能制造执行系统 精密铸件 光纤激光器 高速电主轴`),
    processes: words(`缺陷检测 精密加工 智能控制 故障诊断 在线监测 柔性装配 路径规划 误差补偿
      寿命预测 自动化升级 远程运维 工艺优化`),
    applications: words(
      `汽车制造 工程机械 电子制造 钢铁冶金 船舶制造 家电制造 光电子产业 食品加工`,
    ),
    demandNeeds: words(`效率提升 精度提升 自动化改造 国产化替代 柔性生产 质量追溯`),
  },
};

export const QUALIFIERS =
  words(`高功率 智能 高精度 低成本 高效 新型 大尺寸 柔性 绿色 高可靠 长寿命 轻量化
  低功耗 高通量 超快 耐高温 高灵敏度 模块化 一体化 可降解 微型 高纯 超薄 宽温域 自适应 多模态`);

export const METHODS =
  words(`机器视觉 深度学习 物联网 数字孪生 人工智能 大数据 边缘计算 5G 光纤传感 北斗定位
  区块链 知识图谱 多源数据融合 红外热成像 强化学习 高光谱成像 声发射 联邦学习 激光诱导击穿光谱
  太赫兹成像`);

/** Title endings and their weights: "技术" dominates real catalogues. */
export const SUFFIXES: readonly (readonly [string, number])[] = [
  ['技术', 30],
  ['关键技术', 10],
  ['系统', 16],
  ['方法', 9],
  ['装置', 8],
  ['工艺', 7],
  ['平台', 5],
  ['及其应用', 6],
  ['及产业化', 4],
  ['成套装备', 3],
];

export const PROBLEMS =
  words(`缺陷密度高 一致性差 成本高 效率低 能耗大 依赖进口 稳定性不足 检测精度低
  人工依赖强 寿命短 污染严重 良品率低 响应速度慢 工艺复杂 数据孤岛 安全隐患多`);

export const ARTIFACTS = words(
  `模型 算法 装置 工艺路线 控制系统 专用设备 软件平台 检测方法 核心部件 系列产品`,
);
export const VERBS = words(`采用 融合 基于 综合运用 创新应用 集成`);
export const DEVELOPED = words(`开发 研制 构建 建立 突破 形成`);
export const METRICS = words(
  `良品率 检测精度 转换效率 生产效率 使用寿命 响应速度 产品纯度 综合性能 稳定性`,
);
export const REDUCED = words(`能耗 成本 故障率 检测时间 废品率 排放量`);

export const PROSPECTS = [
  '具有良好的产业化前景',
  '已完成中试验证',
  '已在合作企业实现批量应用',
  '可显著提升企业核心竞争力',
  '市场前景广阔',
  '已形成小批量生产能力',
  '已通过第三方检测认证',
  '可替代同类进口产品',
];

export const DEMAND_OPENINGS = [
  '我单位在生产中遇到',
  '公司计划开展',
  '为推进产线升级，现面向社会征集',
  '围绕企业转型升级需求，拟解决',
  '因业务拓展需要，寻求',
];
